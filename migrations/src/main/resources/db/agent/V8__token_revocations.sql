-- Tokens taken back: a subject's tokens whose version (claim tver) is below its row's version are
-- refused by every service. agent-service broadcasts each row when written and repeats the rows
-- younger than the longest token lifetime, so instances started later learn of them; older rows
-- refuse nothing any more (every token they could refuse has expired) and are deleted.
CREATE TABLE token_revocations (
  subject     varchar(200) PRIMARY KEY,
  version     bigint       NOT NULL,
  revoked_at  timestamptz  NOT NULL
);
CREATE INDEX token_revocations_revoked_idx ON token_revocations (revoked_at);
