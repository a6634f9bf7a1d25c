-- ingest-service: ingestion jobs, the symbol-bars aggregate, per-symbol checkpoints and the outbox.

CREATE TABLE ingestion_job (
    id           VARCHAR(64)  PRIMARY KEY,
    kind         VARCHAR(16)  NOT NULL CHECK (kind IN ('BARS', 'USAGE')),
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED')),
    symbol       VARCHAR(16),
    frame        VARCHAR(8),
    accepted     INTEGER      NOT NULL DEFAULT 0,
    rejections   JSONB        NOT NULL DEFAULT '[]',
    files        JSONB        NOT NULL DEFAULT '[]',
    error        TEXT,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ingestion_job_status_idx ON ingestion_job (status, updated_at);

-- One row per (symbol, frame, trading day): what the lake holds for that day. Saved with an
-- optimistic version so two writers of the same day cannot silently overwrite each other.
CREATE TABLE symbol_bars (
    symbol       VARCHAR(16)  NOT NULL,
    frame        VARCHAR(8)   NOT NULL,
    trading_day  DATE         NOT NULL,
    bar_count    INTEGER      NOT NULL,
    first_ts     TIMESTAMPTZ  NOT NULL,
    last_ts      TIMESTAMPTZ  NOT NULL,
    last_job_id  VARCHAR(64)  NOT NULL,
    version      BIGINT       NOT NULL,
    PRIMARY KEY (symbol, frame, trading_day)
);

-- Where a provider pull of a symbol got to, so the next pull resumes there.
CREATE TABLE symbol_checkpoint (
    symbol       VARCHAR(16)  NOT NULL,
    frame        VARCHAR(8)   NOT NULL,
    source       VARCHAR(32)  NOT NULL,
    last_ts      TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (symbol, frame, source)
);

-- Transactional outbox: written in the transaction that completes a job, relayed to RabbitMQ.
CREATE TABLE outbox (
    message_id   UUID         PRIMARY KEY,
    message_type VARCHAR(64)  NOT NULL,
    queue        VARCHAR(64)  NOT NULL,
    correlation_id VARCHAR(128),
    body         BYTEA        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    sent_at      TIMESTAMPTZ
);
CREATE INDEX outbox_unsent_idx ON outbox (created_at) WHERE sent_at IS NULL;
