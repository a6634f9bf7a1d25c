-- ingest-service: a job's claim names its holder (one attempt of one process) and lasts until
-- claimed_until, which the holder renews with a heartbeat while it runs. A holder that stopped
-- (killed, cut off) stops renewing, so any retry takes its job over within one lease instead of
-- the old fixed five minutes. Rows claimed before this column existed have no claimed_until; the
-- claim reads them as leased until updated_at + 5 minutes, the rule they were written under.
ALTER TABLE ingestion_job
    ADD COLUMN claimed_by    VARCHAR(160),
    ADD COLUMN claimed_until TIMESTAMPTZ;
