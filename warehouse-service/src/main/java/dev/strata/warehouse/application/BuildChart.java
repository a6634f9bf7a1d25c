package dev.strata.warehouse.application;

import dev.strata.warehouse.domain.chart.Chart;
import dev.strata.warehouse.domain.chart.ChartData;
import dev.strata.warehouse.domain.chart.ChartRequest;
import dev.strata.warehouse.domain.chart.VegaLite;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /charts/{name}}: a Vega-Lite spec with its gold data inlined. */
public class BuildChart {

  private final ChartData data;

  public BuildChart(ChartData data) {
    this.data = data;
  }

  public Uni<Map<String, Object>> run(String name, List<String> series, String frame, Instant from, Instant to) {
    var request = ChartRequest.of(Chart.named(name), series, frame, from, to);
    return Async.uni(() -> data.points(request)).map(points -> VegaLite.spec(request, points));
  }
}
