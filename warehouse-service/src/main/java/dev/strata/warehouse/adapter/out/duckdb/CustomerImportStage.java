package dev.strata.warehouse.adapter.out.duckdb;

import dev.strata.kernel.error.DomainException;
import dev.strata.warehouse.domain.customer.Customer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Stages an import in a temp table through DuckDB's Appender, then upserts it into
 * {@code silver.customers} in one statement (a plain INSERT when none of the customers is there yet): a
 * prepared INSERT per row is orders of magnitude slower.
 * Both steps run inside the caller's writer transaction, so a failure anywhere leaves silver untouched.
 */
final class CustomerImportStage {

  private static final String TABLE = "customer_import";

  private CustomerImportStage() {}

  /** Creates the (empty) stage and appends every customer; returns how many. */
  static int fill(DuckDBConnection connection, Iterator<Customer> customers) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE OR REPLACE TEMP TABLE " + TABLE + " AS SELECT " + CustomerRows.COLUMNS
          + " FROM silver.customers LIMIT 0");
    }
    int rows = 0;
    try (DuckDBAppender appender = connection.createAppender("temp", "main", TABLE)) {
      while (customers.hasNext()) {
        CustomerRows.append(appender, customers.next());
        rows++;
      }
    }
    return rows;
  }

  /** Refuses a customer id staged twice, else replaces or inserts every staged row, and drops the stage. */
  static void publish(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      try (var twice = st.executeQuery("SELECT customer_id FROM " + TABLE
          + " GROUP BY customer_id HAVING count(*) > 1 ORDER BY customer_id LIMIT 1")) {
        if (twice.next()) {
          throw new DomainException.Invalid("customer " + twice.getString(1) + " appears twice");
        }
      }
      // replacing costs more than inserting: ask for it only when a staged customer is in silver already
      boolean replaces;
      try (var known = st.executeQuery("SELECT EXISTS (SELECT 1 FROM " + TABLE + " s JOIN silver.customers c USING (customer_id))")) {
        known.next();
        replaces = known.getBoolean(1);
      }
      st.execute("INSERT " + (replaces ? "OR REPLACE " : "") + "INTO silver.customers (" + CustomerRows.COLUMNS + ", updated_at) "
          + "SELECT " + CustomerRows.COLUMNS + ", now() FROM " + TABLE);
      st.execute("DROP TABLE " + TABLE);
    }
  }
}
