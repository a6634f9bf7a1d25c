-- A session belongs to whoever created it (the token's subject): readers and operators see only
-- their own. Sessions of a user with a username get that username; the rest have no owner and are
-- seen by administrators only.
ALTER TABLE sessions ADD COLUMN owner varchar(200);
UPDATE sessions s SET owner = u.username FROM users u WHERE s.user_id = u.id AND u.username IS NOT NULL;
CREATE INDEX sessions_owner_idx ON sessions (owner, created_at);

-- Audit rows from now on are linked by an HMAC (key STRATA_AUDIT_HMAC_KEY) over a canonical JSON
-- encoding (hash_version 2); the rows before keep their plain SHA-256 links (hash_version 1) and
-- may only precede version 2 rows.
ALTER TABLE audit_log ADD COLUMN hash_version smallint NOT NULL DEFAULT 1;
ALTER TABLE audit_log ALTER COLUMN hash_version SET DEFAULT 2;
