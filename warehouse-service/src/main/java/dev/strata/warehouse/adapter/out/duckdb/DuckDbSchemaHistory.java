package dev.strata.warehouse.adapter.out.duckdb;

import dev.strata.warehouse.domain.migration.AppliedMigration;
import dev.strata.warehouse.domain.migration.Migration;
import dev.strata.warehouse.domain.migration.SchemaHistory;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** {@code ops.schema_migrations}, which the history itself creates before anything else. */
public class DuckDbSchemaHistory implements SchemaHistory {

  private final DuckDbWarehouse warehouse;
  private final Executor executor;

  public DuckDbSchemaHistory(DuckDbWarehouse warehouse, Executor executor) {
    this.warehouse = warehouse;
    this.executor = executor;
    warehouse.write(connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS ops");
        statement.execute("""
            CREATE TABLE IF NOT EXISTS ops.schema_migrations (
              version BIGINT PRIMARY KEY, name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
              applied_at TIMESTAMPTZ NOT NULL DEFAULT now())""");
      }
      return null;
    });
  }

  @Override
  public CompletionStage<List<AppliedMigration>> applied() {
    return CompletableFuture.supplyAsync(() -> warehouse.read(connection -> {
      List<AppliedMigration> applied = new ArrayList<>();
      try (var rs = connection.createStatement().executeQuery(
          "SELECT version, name, sha256 FROM ops.schema_migrations ORDER BY version")) {
        while (rs.next()) {
          applied.add(new AppliedMigration(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
      }
      return applied;
    }), executor);
  }

  @Override
  public CompletionStage<Void> apply(Migration migration) {
    return CompletableFuture.runAsync(() -> warehouse.write(connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute(migration.sql());
      }
      try (var insert = connection.prepareStatement(
          "INSERT INTO ops.schema_migrations (version, name, sha256) VALUES (?, ?, ?)")) {
        insert.setLong(1, migration.version());
        insert.setString(2, migration.name());
        insert.setString(3, migration.sha256());
        insert.executeUpdate();
      }
      return null;
    }), executor);
  }
}
