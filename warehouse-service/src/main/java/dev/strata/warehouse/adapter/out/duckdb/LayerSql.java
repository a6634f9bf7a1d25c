package dev.strata.warehouse.adapter.out.duckdb;

import dev.strata.kernel.messaging.contract.DatasetKind;

/**
 * The SQL of one dataset kind's promotion, over the temp tables {@code bronze_input} (the plan's
 * Parquet files), {@code stage_silver}, {@code merged} (what silver will hold for the affected
 * range) and {@code stage_gold}.
 */
record LayerSql(
    String bronzeColumns,
    String key,
    String silverTable,
    String goldTable,
    String ohlcViolations,
    String ranges,
    String mergedFromSilver,
    String stageGold,
    String goldKey,
    String goldExpected,
    String mergeSilver,
    String deleteGold) {

  /** {@code t.k = s.k AND …} over the silver key. */
  String keyMatch() {
    return java.util.Arrays.stream(key.split(",\\s*"))
        .map(column -> "t." + column + " = s." + column)
        .collect(java.util.stream.Collectors.joining(" AND "));
  }

  static LayerSql of(DatasetKind kind) {
    return switch (kind) {
      case BARS -> BARS;
      case USAGE -> USAGE;
    };
  }

  private static final LayerSql BARS = new LayerSql(
      "symbol, frame, ts, open, high, low, close, volume, outlier, job_id, ingested_at",
      "symbol, frame, ts",
      "silver.bars",
      "gold.bars",
      """
      SELECT count(*) FROM stage_silver WHERE open IS NULL OR high IS NULL OR low IS NULL OR close IS NULL
        OR volume IS NULL OR high < greatest(open, close, low) OR low > least(open, close, high) OR volume < 0""",
      "SELECT symbol, frame, min(ts) AS lo, max(ts) AS hi FROM stage_silver GROUP BY symbol, frame",
      """
      SELECT t.* FROM silver.bars t JOIN ranges r ON t.symbol = r.symbol AND t.frame = r.frame AND t.ts BETWEEN r.lo AND r.hi
      WHERE NOT EXISTS (SELECT 1 FROM stage_silver s
                        WHERE s.symbol = t.symbol AND s.frame = t.frame AND s.ts = t.ts AND s.ingested_at >= t.ingested_at)""",
      "SELECT symbol, frame, ts, open, high, low, close, volume FROM merged WHERE NOT outlier",
      "symbol, frame, ts",
      "SELECT count(*) FROM merged WHERE NOT outlier",
      """
      MERGE INTO silver.bars AS t USING stage_silver AS s
      ON t.symbol = s.symbol AND t.frame = s.frame AND t.ts = s.ts
      WHEN MATCHED AND s.ingested_at >= t.ingested_at THEN UPDATE SET open = s.open, high = s.high, low = s.low,
        close = s.close, volume = s.volume, outlier = s.outlier, job_id = s.job_id, ingested_at = s.ingested_at
      WHEN NOT MATCHED THEN INSERT (symbol, frame, ts, open, high, low, close, volume, outlier, job_id, ingested_at)
        VALUES (s.symbol, s.frame, s.ts, s.open, s.high, s.low, s.close, s.volume, s.outlier, s.job_id, s.ingested_at)""",
      """
      DELETE FROM gold.bars AS g USING ranges r
      WHERE g.symbol = r.symbol AND g.frame = r.frame AND g.ts BETWEEN r.lo AND r.hi""");

  private static final LayerSql USAGE = new LayerSql(
      "customer_id, ts, event, quantity, attributes, job_id, ingested_at",
      "customer_id, ts, event",
      "silver.usage",
      "gold.usage_daily",
      "SELECT count(*) FROM stage_silver WHERE quantity IS NULL",
      "SELECT DISTINCT customer_id, CAST(timezone('UTC', ts) AS DATE) AS day FROM stage_silver",
      """
      SELECT t.* FROM silver.usage t JOIN ranges r ON t.customer_id = r.customer_id
        AND CAST(timezone('UTC', t.ts) AS DATE) = r.day
      WHERE NOT EXISTS (SELECT 1 FROM stage_silver s
                        WHERE s.customer_id = t.customer_id AND s.ts = t.ts AND s.event = t.event
                          AND s.ingested_at >= t.ingested_at)""",
      """
      SELECT customer_id, CAST(timezone('UTC', ts) AS DATE) AS day, event, count(*) AS events, sum(quantity) AS quantity
      FROM merged GROUP BY ALL""",
      "customer_id, day, event",
      "SELECT count(*) FROM (SELECT DISTINCT customer_id, CAST(timezone('UTC', ts) AS DATE), event FROM merged)",
      """
      MERGE INTO silver.usage AS t USING stage_silver AS s
      ON t.customer_id = s.customer_id AND t.ts = s.ts AND t.event = s.event
      WHEN MATCHED AND s.ingested_at >= t.ingested_at THEN UPDATE SET quantity = s.quantity,
        attributes = s.attributes, job_id = s.job_id, ingested_at = s.ingested_at
      WHEN NOT MATCHED THEN INSERT (customer_id, ts, event, quantity, attributes, job_id, ingested_at)
        VALUES (s.customer_id, s.ts, s.event, s.quantity, s.attributes, s.job_id, s.ingested_at)""",
      """
      DELETE FROM gold.usage_daily AS g USING ranges r WHERE g.customer_id = r.customer_id AND g.day = r.day""");
}
