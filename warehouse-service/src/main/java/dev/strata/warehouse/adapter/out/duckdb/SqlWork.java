package dev.strata.warehouse.adapter.out.duckdb;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on a DuckDB connection. */
@FunctionalInterface
public interface SqlWork<T> {

  T apply(Connection connection) throws SQLException;
}
