-- The W3C trace context of the work that wrote the row, so the relay publishes the message as part of that
-- trace instead of starting a new one. Null when tracing is off.
ALTER TABLE outbox ADD COLUMN trace_parent text;
