-- agent-service schema: users, agents, workflows, executions, checkpoints, sessions, attachments,
-- audit, notifications, outbox. Mutable aggregates carry a version for optimistic concurrency.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE users (
  id          uuid PRIMARY KEY,
  email       varchar(254) NOT NULL,
  name        varchar(100) NOT NULL,
  role        varchar(20)  NOT NULL,
  version     bigint       NOT NULL DEFAULT 0,
  created_at  timestamptz  NOT NULL,
  updated_at  timestamptz  NOT NULL
);
CREATE UNIQUE INDEX users_email_uq ON users (lower(email));
CREATE INDEX users_role_idx ON users (role);
CREATE INDEX users_created_idx ON users (created_at);
CREATE INDEX users_name_trgm ON users USING gin (lower(name) gin_trgm_ops);

CREATE TABLE agents (
  id            uuid PRIMARY KEY,
  name          varchar(100) NOT NULL,
  type          varchar(40)  NOT NULL,
  model         varchar(100) NOT NULL,
  system_prompt text         NOT NULL DEFAULT '',
  config        jsonb        NOT NULL DEFAULT '{}'::jsonb,
  status        varchar(10)  NOT NULL CHECK (status IN ('active', 'inactive')),
  version       bigint       NOT NULL DEFAULT 0,
  created_at    timestamptz  NOT NULL,
  updated_at    timestamptz  NOT NULL
);
CREATE INDEX agents_type_idx ON agents (type);
CREATE INDEX agents_status_idx ON agents (status);
CREATE INDEX agents_model_idx ON agents (model);
CREATE INDEX agents_created_idx ON agents (created_at);
CREATE INDEX agents_name_idx ON agents (name);
-- case-insensitive substring search (?q=) uses this trigram index
CREATE INDEX agents_name_trgm ON agents USING gin (lower(name) gin_trgm_ops);

CREATE TABLE workflows (
  id          uuid PRIMARY KEY,
  name        varchar(100) NOT NULL,
  description text         NOT NULL DEFAULT '',
  agent_id    uuid         REFERENCES agents (id) ON DELETE SET NULL,
  definition  jsonb        NOT NULL,
  version     bigint       NOT NULL DEFAULT 0,
  created_at  timestamptz  NOT NULL,
  updated_at  timestamptz  NOT NULL
);
CREATE INDEX workflows_agent_idx ON workflows (agent_id);
CREATE INDEX workflows_created_idx ON workflows (created_at);
CREATE INDEX workflows_name_idx ON workflows (name);
CREATE INDEX workflows_name_trgm ON workflows USING gin (lower(name) gin_trgm_ops);

CREATE TABLE executions (
  id                  uuid PRIMARY KEY,
  -- executions are history: a workflow with executions cannot be deleted
  workflow_id         uuid         NOT NULL REFERENCES workflows (id) ON DELETE RESTRICT,
  status              varchar(12)  NOT NULL,
  input               jsonb        NOT NULL DEFAULT '{}'::jsonb,
  output              jsonb,
  error               text,
  idempotency_key     varchar(200),
  forked_from         uuid,
  next_step           integer      NOT NULL DEFAULT 0,
  version             bigint       NOT NULL DEFAULT 0,
  created_at          timestamptz  NOT NULL,
  updated_at          timestamptz  NOT NULL
);
CREATE UNIQUE INDEX executions_idempotency_uq ON executions (workflow_id, idempotency_key);
CREATE INDEX executions_status_idx ON executions (status);
CREATE INDEX executions_workflow_idx ON executions (workflow_id);
CREATE INDEX executions_created_idx ON executions (created_at);

CREATE TABLE checkpoints (
  id            uuid PRIMARY KEY,
  execution_id  uuid         NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
  step_index    integer      NOT NULL,
  step_id       varchar(64)  NOT NULL,
  state         jsonb        NOT NULL,
  parent_id     uuid         REFERENCES checkpoints (id) ON DELETE SET NULL,
  created_at    timestamptz  NOT NULL,
  -- one checkpoint per step and execution: a step's result commits once
  UNIQUE (execution_id, step_index)
);
CREATE INDEX checkpoints_parent_idx ON checkpoints (parent_id);
ALTER TABLE executions ADD CONSTRAINT executions_forked_from_fk
  FOREIGN KEY (forked_from) REFERENCES checkpoints (id) ON DELETE SET NULL;
CREATE INDEX executions_forked_from_idx ON executions (forked_from);

CREATE TABLE sessions (
  id          uuid PRIMARY KEY,
  agent_id    uuid         NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  user_id     uuid         REFERENCES users (id) ON DELETE SET NULL,
  title       varchar(200) NOT NULL,
  state       jsonb        NOT NULL DEFAULT '{}'::jsonb,
  version     bigint       NOT NULL DEFAULT 0,
  created_at  timestamptz  NOT NULL,
  updated_at  timestamptz  NOT NULL
);
CREATE INDEX sessions_agent_idx ON sessions (agent_id);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_created_idx ON sessions (created_at);

CREATE TABLE session_messages (
  id          uuid PRIMARY KEY,
  session_id  uuid         NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  role        varchar(10)  NOT NULL,
  content     text         NOT NULL,
  created_at  timestamptz  NOT NULL
);
CREATE INDEX session_messages_session_idx ON session_messages (session_id, created_at);

CREATE TABLE attachments (
  id            uuid PRIMARY KEY,
  session_id    uuid         REFERENCES sessions (id) ON DELETE CASCADE,
  execution_id  uuid         REFERENCES executions (id) ON DELETE CASCADE,
  file_name     varchar(128) NOT NULL,
  content_type  varchar(100) NOT NULL,
  size_bytes    bigint       NOT NULL,
  sha256        char(64)     NOT NULL,
  created_at    timestamptz  NOT NULL,
  CHECK ((session_id IS NULL) <> (execution_id IS NULL))
);
CREATE INDEX attachments_session_idx ON attachments (session_id);
CREATE INDEX attachments_execution_idx ON attachments (execution_id);
CREATE INDEX attachments_sha_idx ON attachments (sha256);

CREATE TABLE audit_log (
  seq             bigserial    PRIMARY KEY,
  message_id      uuid         NOT NULL UNIQUE,
  service         varchar(100) NOT NULL,
  actor           varchar(200) NOT NULL,
  action          varchar(200) NOT NULL,
  resource        varchar(500),
  outcome         varchar(10)  NOT NULL,
  at              timestamptz  NOT NULL,
  correlation_id  varchar(200),
  details         jsonb        NOT NULL DEFAULT '{}'::jsonb,
  content_hash    char(64)     NOT NULL,
  previous_hash   char(64)     NOT NULL
);
CREATE INDEX audit_log_actor_idx ON audit_log (actor);
CREATE INDEX audit_log_resource_idx ON audit_log (resource);
CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE TABLE notifications (
  id           uuid PRIMARY KEY,
  message_id   uuid          NOT NULL UNIQUE,
  channel      varchar(64)   NOT NULL,
  webhook_url  varchar(2000),
  subject      varchar(500),
  status       varchar(12)   NOT NULL,
  attempts     integer       NOT NULL DEFAULT 0,
  last_error   text,
  execution_id uuid,
  created_at   timestamptz   NOT NULL,
  updated_at   timestamptz   NOT NULL
);
CREATE INDEX notifications_status_idx ON notifications (status);
CREATE INDEX notifications_created_idx ON notifications (created_at);

CREATE TABLE outbox (
  id            uuid PRIMARY KEY,
  message_type  varchar(64)  NOT NULL,
  body          bytea        NOT NULL,
  correlation_id varchar(200),
  created_at    timestamptz  NOT NULL,
  published_at  timestamptz
);
-- the relay only ever scans what is still to publish
CREATE INDEX outbox_unpublished_idx ON outbox (created_at) WHERE published_at IS NULL;
