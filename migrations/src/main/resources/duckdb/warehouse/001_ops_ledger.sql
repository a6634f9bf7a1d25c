-- The operations ledger: every bronze file the lake announced, the watermarks promotion advanced
-- and each promotion run with the reason it published or refused.
CREATE SCHEMA IF NOT EXISTS ops;

CREATE TABLE IF NOT EXISTS ops.file_ingestions (
  run_id         VARCHAR     NOT NULL,
  file_id        VARCHAR     NOT NULL,
  domain         VARCHAR     NOT NULL,
  source         VARCHAR     NOT NULL,
  dataset        VARCHAR     NOT NULL,
  discriminator  VARCHAR     NOT NULL DEFAULT '',
  ticker         VARCHAR     NOT NULL DEFAULT '',
  coverage_from  TIMESTAMPTZ,
  coverage_to    TIMESTAMPTZ,
  row_count      BIGINT      NOT NULL,
  sha256         VARCHAR,
  path           VARCHAR     NOT NULL,
  received_at    TIMESTAMPTZ NOT NULL,
  status         VARCHAR     NOT NULL DEFAULT 'bronze',
  promotion_id   VARCHAR,
  reason         VARCHAR,
  PRIMARY KEY (run_id, file_id)
);

CREATE TABLE IF NOT EXISTS ops.watermarks (
  layer          VARCHAR     NOT NULL,
  identity_key   VARCHAR     NOT NULL,
  coverage_to    TIMESTAMPTZ NOT NULL,
  updated_at     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (layer, identity_key)
);

CREATE TABLE IF NOT EXISTS ops.promotions (
  promotion_id     VARCHAR     PRIMARY KEY,
  trigger          VARCHAR     NOT NULL,
  kind             VARCHAR     NOT NULL,
  started_at       TIMESTAMPTZ NOT NULL,
  finished_at      TIMESTAMPTZ,
  status           VARCHAR     NOT NULL,
  files            INTEGER     NOT NULL,
  bronze_rows      BIGINT      NOT NULL,
  silver_rows      BIGINT      NOT NULL,
  gold_rows        BIGINT      NOT NULL,
  input_watermarks VARCHAR     NOT NULL,
  reason           VARCHAR
);
