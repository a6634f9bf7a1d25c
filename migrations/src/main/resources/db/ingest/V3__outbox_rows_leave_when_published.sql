-- One outbox shape for every service (service-support OutboxRelay): the relay deletes a row once the broker
-- confirmed its message, instead of stamping sent_at, so the table holds only what is still to publish; the
-- routing key follows from the message type, so the queue column goes too.
DELETE FROM outbox WHERE sent_at IS NOT NULL;
DROP INDEX outbox_unsent_idx;
ALTER TABLE outbox DROP COLUMN sent_at;
ALTER TABLE outbox DROP COLUMN queue;
ALTER TABLE outbox RENAME COLUMN message_id TO id;
CREATE INDEX outbox_created_idx ON outbox (created_at);
