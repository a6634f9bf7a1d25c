package dev.strata.warehouse.adapter.out.duckdb;

import dev.strata.warehouse.domain.customer.Customer;
import dev.strata.warehouse.domain.customer.Customers;
import dev.strata.warehouse.domain.customer.UsageHistory;
import dev.strata.warehouse.domain.customer.UsageRecord;
import org.duckdb.DuckDBConnection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Customers in {@code silver.customers} and their events in {@code silver.usage}. */
public class DuckDbCustomers implements Customers, UsageHistory {

  static final String ACTIVE = "churn_date IS NULL AND coalesce(churned, false) = false";

  private final DuckDbWarehouse warehouse;
  private final Executor executor;

  public DuckDbCustomers(DuckDbWarehouse warehouse, Executor executor) {
    this.warehouse = warehouse;
    this.executor = executor;
  }

  @Override
  public CompletionStage<Optional<Customer>> find(String customerId) {
    return CompletableFuture.supplyAsync(() -> warehouse.read(connection -> {
      try (PreparedStatement st = connection.prepareStatement(
          "SELECT " + CustomerRows.COLUMNS + " FROM silver.customers WHERE customer_id = ?")) {
        st.setString(1, customerId);
        try (var rs = st.executeQuery()) {
          return rs.next() ? Optional.of(CustomerRows.read(rs)) : Optional.empty();
        }
      }
    }), executor);
  }

  @Override
  public CompletionStage<List<Customer>> list(boolean activeOnly, int limit, String afterId) {
    return CompletableFuture.supplyAsync(() -> {
      String sql = "SELECT " + CustomerRows.COLUMNS + " FROM silver.customers WHERE customer_id > ?"
          + (activeOnly ? " AND " + ACTIVE : "") + " ORDER BY customer_id LIMIT ?";
      return many(sql, afterId == null ? "" : afterId, limit);
    }, executor);
  }

  @Override
  public CompletionStage<List<Customer>> sample(int n) {
    return CompletableFuture.supplyAsync(() -> {
      // n is a validated int in 1..100; DuckDB's SAMPLE clause takes no bind parameter
      return many("SELECT " + CustomerRows.COLUMNS + " FROM silver.customers USING SAMPLE reservoir("
          + Math.clamp(n, 1, 100) + " ROWS)");
    }, executor);
  }

  @Override
  public CompletionStage<Integer> upsertAll(Iterator<Customer> customers) {
    return CompletableFuture.supplyAsync(() -> {
      // this (worker) thread reads and parses the customers while the writer thread appends them
      BatchHandoff<Customer> handoff = new BatchHandoff<>();
      return warehouse.write(connection -> {
        try {
          int rows = CustomerImportStage.fill(connection.unwrap(DuckDBConnection.class), handoff.items());
          CustomerImportStage.publish(connection);
          return rows;
        } finally {
          handoff.consumerGone();
        }
      }, () -> handoff.feed(customers));
    }, executor);
  }

  @Override
  public CompletionStage<List<UsageRecord>> between(String customerId, Instant from, Instant to, int limit) {
    return CompletableFuture.supplyAsync(() -> warehouse.read(connection -> {
      try (PreparedStatement st = connection.prepareStatement("""
          SELECT customer_id, ts, event, quantity, attributes FROM silver.usage
          WHERE customer_id = ? AND ts >= CAST(? AS TIMESTAMPTZ) AND ts < CAST(? AS TIMESTAMPTZ)
          ORDER BY ts, event LIMIT ?""")) {
        st.setString(1, customerId);
        st.setString(2, from.toString());
        st.setString(3, to.toString());
        st.setInt(4, limit);
        List<UsageRecord> events = new ArrayList<>();
        try (var rs = st.executeQuery()) {
          while (rs.next()) {
            events.add(new UsageRecord(rs.getString("customer_id"), Sql.instant(rs, "ts"), rs.getString("event"),
                rs.getDouble("quantity"), rs.getString("attributes")));
          }
        }
        return events;
      }
    }), executor);
  }

  private List<Customer> many(String sql, Object... parameters) {
    return warehouse.read(connection -> {
      try (PreparedStatement st = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          st.setObject(i + 1, parameters[i]);
        }
        List<Customer> customers = new ArrayList<>();
        try (var rs = st.executeQuery()) {
          while (rs.next()) {
            customers.add(CustomerRows.read(rs));
          }
        }
        return customers;
      }
    });
  }
}
