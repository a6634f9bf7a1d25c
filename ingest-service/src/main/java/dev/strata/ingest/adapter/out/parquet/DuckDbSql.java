package dev.strata.ingest.adapter.out.parquet;

/** SQL text helpers for the few places DuckDB takes no bind parameter (file paths of COPY/read_parquet). */
final class DuckDbSql {

  private DuckDbSql() {}

  /** {@code text} as a single-quoted SQL string literal. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
