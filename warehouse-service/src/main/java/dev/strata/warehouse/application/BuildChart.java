package dev.strata.warehouse.application;

import dev.strata.warehouse.domain.chart.Chart;
import dev.strata.warehouse.domain.chart.ChartData;
import dev.strata.warehouse.domain.chart.ChartRequest;
import dev.strata.warehouse.domain.chart.VegaLite;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/** {@code GET /charts/{name}}: a Vega-Lite spec with its gold data inlined. */
public class BuildChart {

  private final ChartData data;
  private final Executor blocking;

  public BuildChart(ChartData data, Executor blocking) {
    this.data = data;
    this.blocking = blocking;
  }

  public Uni<Map<String, Object>> run(String name, List<String> series, String frame, Instant from, Instant to) {
    var request = ChartRequest.of(Chart.named(name), series, frame, from, to);
    return Uni.createFrom().item(() -> VegaLite.spec(request, data.points(request))).runSubscriptionOn(blocking);
  }
}
