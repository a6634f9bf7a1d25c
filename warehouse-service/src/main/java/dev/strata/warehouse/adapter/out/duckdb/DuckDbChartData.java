package dev.strata.warehouse.adapter.out.duckdb;

import dev.strata.warehouse.domain.chart.Chart;
import dev.strata.warehouse.domain.chart.ChartData;
import dev.strata.warehouse.domain.chart.ChartPoint;
import dev.strata.warehouse.domain.chart.ChartRequest;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Chart series from gold, at most {@link #MAX_POINTS} points so a spec stays small. */
public class DuckDbChartData implements ChartData {

  static final int MAX_POINTS = 20_000;

  private final DuckDbWarehouse warehouse;
  private final Executor executor;

  public DuckDbChartData(DuckDbWarehouse warehouse, Executor executor) {
    this.warehouse = warehouse;
    this.executor = executor;
  }

  @Override
  public CompletionStage<List<ChartPoint>> points(ChartRequest request) {
    return CompletableFuture.supplyAsync(() -> {
      String in = request.series().isEmpty() ? ""
          : " AND %s IN (" + String.join(", ", Collections.nCopies(request.series().size(), "?")) + ")";
      String sql = switch (request.chart()) {
        case CLOSE, VOLUME -> "SELECT ts, symbol AS series, " + (request.chart() == Chart.CLOSE ? "close" : "volume")
            + " AS value FROM gold.bars WHERE frame = ? AND ts >= CAST(? AS TIMESTAMPTZ) AND ts < CAST(? AS TIMESTAMPTZ)"
            + in.formatted("symbol") + " ORDER BY series, ts LIMIT " + MAX_POINTS;
        case USAGE -> "SELECT CAST(day AS TIMESTAMPTZ) AS ts, " + (request.series().isEmpty() ? "'all'" : "customer_id")
            + " AS series, CAST(sum(events) AS DOUBLE) AS value FROM gold.usage_daily WHERE "
            + "CAST(day AS TIMESTAMPTZ) >= CAST(? AS TIMESTAMPTZ) AND CAST(day AS TIMESTAMPTZ) < CAST(? AS TIMESTAMPTZ)"
            + in.formatted("customer_id") + " GROUP BY ALL ORDER BY series, ts LIMIT " + MAX_POINTS;
      };
      return warehouse.read(connection -> {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
          int index = 1;
          if (request.chart() != Chart.USAGE) {
            st.setString(index++, request.frame());
          }
          st.setString(index++, request.from().toString());
          st.setString(index++, request.to().toString());
          for (String series : request.series()) {
            st.setString(index++, series);
          }
          List<ChartPoint> points = new ArrayList<>();
          try (var rs = st.executeQuery()) {
            while (rs.next()) {
              points.add(new ChartPoint(Sql.instant(rs, "ts"), rs.getString("series"), rs.getDouble("value")));
            }
          }
          return points;
        }
      });
    }, executor);
  }
}
