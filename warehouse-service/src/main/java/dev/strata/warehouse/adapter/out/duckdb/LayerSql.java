package dev.strata.warehouse.adapter.out.duckdb;

import dev.strata.kernel.messaging.contract.DatasetKind;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of one dataset's promotion, over the temp tables {@code bronze_input} (the plan's Parquet
 * files), {@code stage_silver}, {@code merged} (what silver will hold for the affected range) and
 * {@code stage_gold}: the layout's tables and gold rules, keyed on the keymap's key columns (which
 * the start-up check holds to the silver table's primary key).
 *
 * @param key the dataset's key columns, from the keymap
 */
record LayerSql(Layout layout, List<String> key) {

  LayerSql {
    key = List.copyOf(key);
  }

  static LayerSql of(DatasetKind into, List<String> keyColumns) {
    return new LayerSql(Layout.of(into), keyColumns);
  }

  /** What a layout's silver and gold tables are and how gold is derived from silver. */
  record Layout(
      List<String> columns,
      String silverTable,
      String goldTable,
      String ohlcViolations,
      String ranges,
      String rangeJoin,
      String stageGold,
      String goldKey,
      String goldExpected,
      String deleteGold) {

    static Layout of(DatasetKind kind) {
      return switch (kind) {
        case BARS -> BARS;
        case USAGE -> USAGE;
      };
    }
  }

  String bronzeColumns() {
    return String.join(", ", layout.columns());
  }

  String keyColumns() {
    return String.join(", ", key);
  }

  /** {@code t.k = s.k AND …} over the key. */
  String keyMatch() {
    return key.stream().map(column -> "t." + column + " = s." + column).collect(Collectors.joining(" AND "));
  }

  String nullKey() {
    return key.stream().map(column -> column + " IS NULL").collect(Collectors.joining(" OR "));
  }

  /** The silver rows of the affected ranges that no staged row replaces. */
  String mergedFromSilver() {
    return "SELECT t.* FROM " + layout.silverTable() + " t JOIN ranges r ON " + layout.rangeJoin()
        + " WHERE NOT EXISTS (SELECT 1 FROM stage_silver s WHERE " + keyMatch() + " AND s.ingested_at >= t.ingested_at)";
  }

  /** Silver takes the staged rows: a later ingestion of a key replaces it, a new key is inserted. */
  String mergeSilver() {
    List<String> values = layout.columns().stream().filter(column -> !key.contains(column)).toList();
    return "MERGE INTO " + layout.silverTable() + " AS t USING stage_silver AS s ON " + keyMatch()
        + " WHEN MATCHED AND s.ingested_at >= t.ingested_at THEN UPDATE SET "
        + values.stream().map(column -> column + " = s." + column).collect(Collectors.joining(", "))
        + " WHEN NOT MATCHED THEN INSERT (" + bronzeColumns() + ") VALUES ("
        + layout.columns().stream().map(column -> "s." + column).collect(Collectors.joining(", ")) + ")";
  }

  private static final Layout BARS = new Layout(
      List.of("symbol", "frame", "ts", "open", "high", "low", "close", "volume", "outlier", "job_id", "ingested_at"),
      "silver.bars",
      "gold.bars",
      """
      SELECT count(*) FROM stage_silver WHERE open IS NULL OR high IS NULL OR low IS NULL OR close IS NULL
        OR volume IS NULL OR high < greatest(open, close, low) OR low > least(open, close, high) OR volume < 0""",
      "SELECT symbol, frame, min(ts) AS lo, max(ts) AS hi FROM stage_silver GROUP BY symbol, frame",
      "t.symbol = r.symbol AND t.frame = r.frame AND t.ts BETWEEN r.lo AND r.hi",
      "SELECT symbol, frame, ts, open, high, low, close, volume FROM merged WHERE NOT outlier",
      "symbol, frame, ts",
      "SELECT count(*) FROM merged WHERE NOT outlier",
      """
      DELETE FROM gold.bars AS g USING ranges r
      WHERE g.symbol = r.symbol AND g.frame = r.frame AND g.ts BETWEEN r.lo AND r.hi""");

  private static final Layout USAGE = new Layout(
      List.of("customer_id", "ts", "event", "quantity", "attributes", "job_id", "ingested_at"),
      "silver.usage",
      "gold.usage_daily",
      "SELECT count(*) FROM stage_silver WHERE quantity IS NULL",
      "SELECT DISTINCT customer_id, CAST(timezone('UTC', ts) AS DATE) AS day FROM stage_silver",
      "t.customer_id = r.customer_id AND CAST(timezone('UTC', t.ts) AS DATE) = r.day",
      """
      SELECT customer_id, CAST(timezone('UTC', ts) AS DATE) AS day, event, count(*) AS events, sum(quantity) AS quantity
      FROM merged GROUP BY ALL""",
      "customer_id, day, event",
      "SELECT count(*) FROM (SELECT DISTINCT customer_id, CAST(timezone('UTC', ts) AS DATE), event FROM merged)",
      """
      DELETE FROM gold.usage_daily AS g USING ranges r WHERE g.customer_id = r.customer_id AND g.day = r.day""");
}
