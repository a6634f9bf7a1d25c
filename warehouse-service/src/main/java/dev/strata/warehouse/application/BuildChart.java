package dev.strata.warehouse.application;

import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import dev.strata.warehouse.domain.chart.Chart;
import dev.strata.warehouse.domain.chart.ChartData;
import dev.strata.warehouse.domain.chart.ChartRequest;
import dev.strata.warehouse.domain.chart.VegaLite;
import dev.strata.warehouse.domain.customer.Customer;
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
    Chart chart = Chart.named(name);
    if (series.size() > 20) {
      throw new DomainException.Invalid("at most 20 series per chart");
    }
    series.forEach(chart == Chart.USAGE ? Customer::requireId : SafeName.SYMBOL::require);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new DomainException.Invalid("'from' must be before 'to'");
    }
    var request = new ChartRequest(chart, series, SafeName.FRAME.require(frame),
        from == null ? Instant.EPOCH : from, to == null ? Instant.parse("9999-12-31T00:00:00Z") : to);
    return Uni.createFrom().item(() -> VegaLite.spec(request, data.points(request))).runSubscriptionOn(blocking);
  }
}
