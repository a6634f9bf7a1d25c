package dev.strata.ingest.adapter.out.parquet;

import java.sql.SQLException;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * Opens an in-memory DuckDB straight from its driver, not through {@code DriverManager}: that one
 * only hands a driver to code whose class loader registered it, and when a Quarkus application has
 * run in the same JVM (tests) the DuckDB driver is registered by the application's loader only.
 */
public final class InMemoryDuckDb {

  private InMemoryDuckDb() {}

  public static DuckDBConnection open() throws SQLException {
    return (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
  }
}
