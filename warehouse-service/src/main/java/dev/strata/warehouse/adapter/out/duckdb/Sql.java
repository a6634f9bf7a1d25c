package dev.strata.warehouse.adapter.out.duckdb;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Small JDBC helpers: instants travel as ISO strings cast to TIMESTAMPTZ and back as OffsetDateTime. */
final class Sql {

  private Sql() {}

  static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
    statement.setString(index, value == null ? null : value.toString());
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** A SQL string literal; only for values already validated (file paths from the ledger). */
  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }
}
