-- Silver: bronze deduplicated on its key, the latest ingested_at winning. Gold: what consumers read.
CREATE SCHEMA IF NOT EXISTS silver;
CREATE SCHEMA IF NOT EXISTS gold;

CREATE TABLE IF NOT EXISTS silver.bars (
  symbol      VARCHAR     NOT NULL,
  frame       VARCHAR     NOT NULL,
  ts          TIMESTAMPTZ NOT NULL,
  open        DOUBLE      NOT NULL,
  high        DOUBLE      NOT NULL,
  low         DOUBLE      NOT NULL,
  close       DOUBLE      NOT NULL,
  volume      DOUBLE      NOT NULL,
  outlier     BOOLEAN     NOT NULL,
  job_id      VARCHAR     NOT NULL,
  ingested_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (symbol, frame, ts)
);

CREATE TABLE IF NOT EXISTS silver.usage (
  customer_id VARCHAR     NOT NULL,
  ts          TIMESTAMPTZ NOT NULL,
  event       VARCHAR     NOT NULL,
  quantity    DOUBLE      NOT NULL,
  attributes  VARCHAR,
  job_id      VARCHAR     NOT NULL,
  ingested_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (customer_id, ts, event)
);

-- Gold bars: the bars consumers chart and rank, outliers left out.
CREATE TABLE IF NOT EXISTS gold.bars (
  symbol VARCHAR     NOT NULL,
  frame  VARCHAR     NOT NULL,
  ts     TIMESTAMPTZ NOT NULL,
  open   DOUBLE      NOT NULL,
  high   DOUBLE      NOT NULL,
  low    DOUBLE      NOT NULL,
  close  DOUBLE      NOT NULL,
  volume DOUBLE      NOT NULL,
  PRIMARY KEY (symbol, frame, ts)
);

-- Gold usage: one row per customer, UTC day and event, what the 7/30/90-day features sum.
CREATE TABLE IF NOT EXISTS gold.usage_daily (
  customer_id VARCHAR NOT NULL,
  day         DATE    NOT NULL,
  event       VARCHAR NOT NULL,
  events      BIGINT  NOT NULL,
  quantity    DOUBLE  NOT NULL,
  PRIMARY KEY (customer_id, day, event)
);
