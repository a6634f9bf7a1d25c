-- Lake compaction: each partition's small promoted files rewritten as one, one row per key. The replaced
-- files stay in ops.file_ingestions with status 'compacted'; the written one is a promoted file of its run.
CREATE TABLE IF NOT EXISTS ops.compactions (
  compaction_id VARCHAR     PRIMARY KEY,
  run_id        VARCHAR     NOT NULL,
  partition     VARCHAR     NOT NULL,
  identity_key  VARCHAR     NOT NULL,
  trigger       VARCHAR     NOT NULL,
  compacted_at  TIMESTAMPTZ NOT NULL,
  files_in      INTEGER     NOT NULL,
  rows_in       BIGINT      NOT NULL,
  rows_out      BIGINT      NOT NULL,
  bytes_in      BIGINT      NOT NULL,
  bytes_out     BIGINT      NOT NULL,
  output        VARCHAR     NOT NULL
);
