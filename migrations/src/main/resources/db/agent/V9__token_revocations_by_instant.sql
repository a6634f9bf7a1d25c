-- A revocation refuses the subject's tokens issued before revoked_at (a token's version is its issue
-- instant), so a separate version column only repeated revoked_at.
ALTER TABLE token_revocations DROP COLUMN version;
