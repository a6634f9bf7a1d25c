-- Cron schedules of a workflow. The poller starts each tick's execution with an idempotency key made of the
-- schedule and the tick, so the unique (workflow_id, idempotency_key) of executions makes a tick run at most once
-- whichever replica starts it; next_tick is moved on only from the value the poller read (compare-and-set).
CREATE TABLE schedules (
  id                 uuid         PRIMARY KEY,
  -- a schedule is part of its workflow: it goes when the workflow goes
  workflow_id        uuid         NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
  cron               varchar(100) NOT NULL,
  time_zone          varchar(64)  NOT NULL,
  input              jsonb        NOT NULL DEFAULT '{}'::jsonb,
  missed_ticks       varchar(10)  NOT NULL CHECK (missed_ticks IN ('skip', 'run-once')),
  enabled            boolean      NOT NULL,
  next_tick          timestamptz  NOT NULL,
  last_tick          timestamptz,
  last_execution_id  uuid,
  version            bigint       NOT NULL DEFAULT 0,
  created_at         timestamptz  NOT NULL,
  updated_at         timestamptz  NOT NULL
);
CREATE INDEX schedules_workflow_idx ON schedules (workflow_id, created_at);
-- what the poller asks every round: the enabled schedules whose next tick has come
CREATE INDEX schedules_due_idx ON schedules (next_tick) WHERE enabled;
