package dev.strata.warehouse.adapter.out.duckdb;

import dev.strata.warehouse.domain.ledger.LayerSizes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Row counts of the silver and gold tables, read from a snapshot (never waits for the writer). */
public class DuckDbLayerSizes implements LayerSizes.Count {

  // fixed identifiers, never from input
  private static final List<String> SILVER = List.of("bars", "usage", "customers");
  private static final List<String> GOLD = List.of("bars", "usage_daily");

  private final DuckDbWarehouse warehouse;
  private final Executor executor;

  public DuckDbLayerSizes(DuckDbWarehouse warehouse, Executor executor) {
    this.warehouse = warehouse;
    this.executor = executor;
  }

  @Override
  public CompletionStage<LayerSizes> now() {
    return CompletableFuture.supplyAsync(() -> warehouse.read(connection -> {
      Map<String, Long> silver = new LinkedHashMap<>();
      Map<String, Long> gold = new LinkedHashMap<>();
      try (var statement = connection.createStatement()) {
        for (String table : SILVER) {
          silver.put(table, count(statement, "silver." + table));
        }
        for (String table : GOLD) {
          gold.put(table, count(statement, "gold." + table));
        }
      }
      return new LayerSizes(silver, gold);
    }), executor);
  }

  private static long count(java.sql.Statement statement, String table) throws java.sql.SQLException {
    try (var rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
