package dev.strata.warehouse.domain.chart;

import java.time.Instant;
import java.util.List;

/**
 * What to chart: the series (symbols, or customer ids; empty = all), the bar frame, and the date
 * range {@code from ≤ ts < to}.
 */
public record ChartRequest(Chart chart, List<String> series, String frame, Instant from, Instant to) {

  public ChartRequest {
    series = List.copyOf(series);
  }
}
