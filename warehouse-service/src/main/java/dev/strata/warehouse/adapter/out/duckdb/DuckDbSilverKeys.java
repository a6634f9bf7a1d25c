package dev.strata.warehouse.adapter.out.duckdb;

import dev.strata.kernel.messaging.contract.DatasetKind;
import dev.strata.warehouse.domain.keymap.SilverKeys;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** The silver tables' primary keys as the migrated DuckDB catalog declares them. */
public class DuckDbSilverKeys implements SilverKeys {

  private final DuckDbWarehouse warehouse;
  private final Executor executor;

  public DuckDbSilverKeys(DuckDbWarehouse warehouse, Executor executor) {
    this.warehouse = warehouse;
    this.executor = executor;
  }

  @Override
  public CompletionStage<SilverKey> of(DatasetKind layout) {
    return CompletableFuture.supplyAsync(() -> {
      String table = LayerSql.Layout.of(layout).silverTable();
      String[] parts = table.split("\\.");
      List<String> columns = warehouse.read(connection -> {
        try (PreparedStatement st = connection.prepareStatement("""
            SELECT unnest(constraint_column_names) FROM duckdb_constraints()
            WHERE constraint_type = 'PRIMARY KEY' AND schema_name = ? AND table_name = ?""")) {
          st.setString(1, parts[0]);
          st.setString(2, parts[1]);
          List<String> names = new ArrayList<>();
          try (var rs = st.executeQuery()) {
            while (rs.next()) {
              names.add(rs.getString(1));
            }
          }
          return names;
        }
      });
      return new SilverKey(table, columns);
    }, executor);
  }
}
