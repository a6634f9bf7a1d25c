package dev.strata.warehouse.adapter.out.duckdb;

import dev.strata.warehouse.domain.customer.CustomerFeatureSource;
import dev.strata.warehouse.domain.customer.CustomerUsage;
import dev.strata.warehouse.domain.customer.FeatureSelection;
import dev.strata.warehouse.domain.customer.UsageSummary;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Customers joined with their 7/30/90-day usage from {@code gold.usage_daily} (days counted back from today, UTC). */
public class DuckDbCustomerFeatures implements CustomerFeatureSource {

  private static final String SQL = """
      WITH usage AS (
        SELECT customer_id,
          sum(events) FILTER (WHERE day > today - 7) AS events_7d,
          sum(events) FILTER (WHERE day > today - 30) AS events_30d,
          sum(events) AS events_90d,
          sum(quantity) FILTER (WHERE day > today - 7) AS quantity_7d,
          sum(quantity) FILTER (WHERE day > today - 30) AS quantity_30d,
          sum(quantity) AS quantity_90d
        FROM gold.usage_daily, (SELECT CAST(timezone('UTC', now()) AS DATE) AS today)
        WHERE day > today - 90
        GROUP BY customer_id)
      SELECT %s, coalesce(events_7d, 0) AS events_7d, coalesce(events_30d, 0) AS events_30d,
        coalesce(events_90d, 0) AS events_90d, coalesce(quantity_7d, 0) AS quantity_7d,
        coalesce(quantity_30d, 0) AS quantity_30d, coalesce(quantity_90d, 0) AS quantity_90d
      FROM silver.customers c LEFT JOIN usage u USING (customer_id)
      WHERE c.customer_id > ? %s
      ORDER BY c.customer_id LIMIT ?""";

  private final DuckDbWarehouse warehouse;
  private final Executor executor;

  public DuckDbCustomerFeatures(DuckDbWarehouse warehouse, Executor executor) {
    this.warehouse = warehouse;
    this.executor = executor;
  }

  @Override
  public CompletionStage<List<CustomerUsage>> page(FeatureSelection selection) {
    return CompletableFuture.supplyAsync(() -> {
      String filter = selection.customerIds().isEmpty()
          ? (selection.activeOnly() ? "AND " + DuckDbCustomers.ACTIVE : "")
          : "AND c.customer_id IN (" + String.join(", ", java.util.Collections.nCopies(selection.customerIds().size(), "?")) + ")" + (selection.activeOnly() ? " AND " + DuckDbCustomers.ACTIVE : "");
      String columns = "c." + CustomerRows.COLUMNS.replace(", ", ", c.");
      String sql = SQL.formatted(columns, filter);
      return warehouse.read(connection -> {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
          int index = 1;
          st.setString(index++, selection.afterId() == null ? "" : selection.afterId());
          {
            for (String id : selection.customerIds()) {
              st.setString(index++, id);
            }
          }
          st.setInt(index, selection.limit());
          List<CustomerUsage> rows = new ArrayList<>();
          try (var rs = st.executeQuery()) {
            while (rs.next()) {
              rows.add(new CustomerUsage(CustomerRows.read(rs), new UsageSummary(rs.getDouble("events_7d"),
                  rs.getDouble("events_30d"), rs.getDouble("events_90d"), rs.getDouble("quantity_7d"),
                  rs.getDouble("quantity_30d"), rs.getDouble("quantity_90d"))));
            }
          }
          return rows;
        }
      });
    }, executor);
  }
}
