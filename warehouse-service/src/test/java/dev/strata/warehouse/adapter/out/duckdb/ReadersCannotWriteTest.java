package dev.strata.warehouse.adapter.out.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicReference;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader's connection on a real DuckDB file: queries run, nothing it is given can change the file. */
class ReadersCannotWriteTest {

  @TempDir Path run;
  private DuckDbWarehouse warehouse;

  @BeforeEach
  void openWithOneRow() {
    warehouse = DuckDbWarehouse.open(run.resolve("strata.duckdb"));
    warehouse.write(connection -> connection.createStatement().execute("CREATE TABLE kept AS SELECT 1 AS a"));
  }

  @AfterEach
  void close() {
    warehouse.close();
  }

  @Test
  void queriesRunWithTheirBindParameters() {
    int found = warehouse.read(connection -> {
      try (var query = connection.prepareStatement("WITH k AS (SELECT a FROM kept) SELECT count(*) FROM k WHERE a = ?")) {
        query.setInt(1, 1);
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          return rows.getInt(1);
        }
      }
    });
    boolean plain = warehouse.read(connection -> connection.createStatement().executeQuery("SELECT a FROM kept").next());
    assertThat(found).isEqualTo(1);
    assertThat(plain).isTrue();
  }

  @Test
  void noStatementThatWritesRunsHoweverItIsGiven() {
    String[] writes = {"DELETE FROM kept", "DROP TABLE kept", "INSERT INTO kept VALUES (2)", "CREATE TABLE other (a INT)",
        "COPY kept TO '" + run.resolve("out.csv") + "'", "ATTACH '" + run.resolve("other.duckdb") + "' AS other", "SET threads = 1",
        "SELECT 1; DELETE FROM kept"};
    for (String write : writes) {
      assertRefused(connection -> connection.prepareStatement(write));
      assertRefused(connection -> connection.createStatement().execute(write));
      assertRefused(connection -> connection.createStatement().executeQuery(write));
      assertRefused(connection -> connection.prepareStatement("SELECT 1").execute(write));
    }
    assertRefused(connection -> connection.createStatement().executeUpdate("SELECT 1"));
    assertRefused(connection -> {
      var statement = connection.createStatement();
      statement.addBatch("DELETE FROM kept");
      return statement.executeBatch();
    });
    assertRefused(connection -> connection.unwrap(DuckDBConnection.class));
    assertRefused(connection -> connection.prepareCall("DELETE FROM kept"));

    int left = warehouse.read(connection -> {
      try (ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM kept")) {
        rows.next();
        return rows.getInt(1);
      }
    });
    assertThat(left).isEqualTo(1);
    assertThat(run.resolve("out.csv")).doesNotExist();
  }

  @Test
  void theReadersConnectionIsClosedWhenItsWorkReturns() {
    var used = new AtomicReference<Connection>();
    warehouse.read(connection -> {
      used.set(connection);
      return null;
    });
    boolean openWhileWorking = warehouse.read(connection -> !connection.isClosed());
    assertThat(openWhileWorking).isTrue();
    assertThat(isClosed(used.get())).isTrue();
  }

  private void assertRefused(SqlWork<?> work) {
    assertThatThrownBy(() -> warehouse.read(work)).hasMessageContaining("reader");
  }

  private static boolean isClosed(Connection connection) {
    try {
      return connection.isClosed();
    } catch (java.sql.SQLException e) {
      return true;
    }
  }
}
