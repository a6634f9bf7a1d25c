-- The relay deletes an outbox row once the broker confirmed its message, instead of stamping
-- published_at: the table holds only what is still to publish, rather than growing by every message
-- ever sent (two per execution) with a dead row version per stamp (issue 4's runner benchmark).
DELETE FROM outbox WHERE published_at IS NOT NULL;
DROP INDEX outbox_unpublished_idx;
ALTER TABLE outbox DROP COLUMN published_at;
CREATE INDEX outbox_created_idx ON outbox (created_at);
