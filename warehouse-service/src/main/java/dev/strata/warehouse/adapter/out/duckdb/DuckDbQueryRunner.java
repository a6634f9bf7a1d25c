package dev.strata.warehouse.adapter.out.duckdb;

import dev.strata.kernel.api.QueryResult;
import dev.strata.warehouse.domain.query.NamedQuery;
import dev.strata.warehouse.domain.query.QueryRunner;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** The SQL of each named query; parameters travel only as bind parameters. */
public class DuckDbQueryRunner implements QueryRunner {

  private static final String ACTIVE_CUSTOMERS = """
      SELECT customer_id, tenure, contract, monthly_charges FROM silver.customers
      WHERE %s ORDER BY customer_id LIMIT ?""".formatted(DuckDbCustomers.ACTIVE);

  private static final String AT_RISK_CUSTOMERS = """
      WITH today AS (SELECT CAST(timezone('UTC', now()) AS DATE) AS d),
      usage AS (
        SELECT customer_id,
          coalesce(sum(events) FILTER (WHERE day > d - 30), 0) AS events_30d,
          coalesce(sum(events) FILTER (WHERE day <= d - 30 AND day > d - 60), 0) AS events_prev_30d
        FROM gold.usage_daily, today WHERE day > d - 60 GROUP BY customer_id)
      SELECT c.customer_id, c.tenure, c.contract, c.payment_method, c.monthly_charges,
        coalesce(u.events_30d, 0) AS events_30d, coalesce(u.events_prev_30d, 0) AS events_prev_30d,
        (CASE WHEN c.contract = 'Month-to-month' THEN 2 ELSE 0 END)
          + (CASE WHEN c.tenure < 12 THEN 1 ELSE 0 END)
          + (CASE WHEN coalesce(u.events_30d, 0) < coalesce(u.events_prev_30d, 0) THEN 1 ELSE 0 END)
          + (CASE WHEN c.payment_method = 'Electronic check' THEN 1 ELSE 0 END) AS risk_points
      FROM silver.customers c LEFT JOIN usage u USING (customer_id)
      WHERE %s
      ORDER BY risk_points DESC, c.monthly_charges DESC, c.customer_id LIMIT ?"""
      .formatted(DuckDbCustomers.ACTIVE.replace("churn", "c.churn"));

  private static final String TOP_SYMBOLS = """
      SELECT symbol, frame, count(*) AS bars, min(ts) AS first_ts, max(ts) AS last_ts,
        arg_max(close, ts) AS last_close, sum(close * volume) AS traded_value
      FROM gold.bars WHERE frame = ? GROUP BY symbol, frame
      ORDER BY traded_value DESC, symbol LIMIT ?""";

  private final DuckDbWarehouse warehouse;
  private final Executor executor;

  public DuckDbQueryRunner(DuckDbWarehouse warehouse, Executor executor) {
    this.warehouse = warehouse;
    this.executor = executor;
  }

  @Override
  public CompletionStage<QueryResult> run(NamedQuery query, Map<String, Object> parameters) {
    return CompletableFuture.supplyAsync(() -> warehouse.read(connection -> {
      String sql = switch (query) {
        case ACTIVE_CUSTOMERS -> ACTIVE_CUSTOMERS;
        case AT_RISK_CUSTOMERS -> AT_RISK_CUSTOMERS;
        case TOP_SYMBOLS -> TOP_SYMBOLS;
      };
      try (PreparedStatement st = connection.prepareStatement(sql)) {
        int index = 1;
        if (query == NamedQuery.TOP_SYMBOLS) {
          st.setString(index++, (String) parameters.get("frame"));
        }
        st.setInt(index, (Integer) parameters.get("limit"));
        try (ResultSet rs = st.executeQuery()) {
          return table(query.queryName(), rs);
        }
      }
    }), executor);
  }

  static QueryResult table(String name, ResultSet rs) throws SQLException {
    var meta = rs.getMetaData();
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnLabel(i));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    while (rs.next()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 1; i <= columns.size(); i++) {
        row.put(columns.get(i - 1), value(rs, i, meta.getColumnTypeName(i)));
      }
      rows.add(row);
    }
    return new QueryResult(name, columns, rows);
  }

  // JSON-friendly values: timestamps as ISO instants, big integers as longs
  private static Object value(ResultSet rs, int column, String type) throws SQLException {
    if (type.startsWith("TIMESTAMP")) {
      OffsetDateTime ts = rs.getObject(column, OffsetDateTime.class);
      return ts == null ? null : ts.toInstant().toString();
    }
    Object value = rs.getObject(column);
    if (value instanceof java.math.BigInteger big) {
      return big.longValue();
    }
    if (value instanceof java.math.BigDecimal decimal) {
      return decimal.doubleValue();
    }
    return value;
  }
}
