package dev.strata.warehouse.domain.chart;

import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import dev.strata.warehouse.domain.customer.Customer;
import java.time.Instant;
import java.util.List;

/**
 * What to chart: the measure, drawn with a mark under a title; the series (symbols, or customer ids for usage;
 * empty = all), the bar frame, and the date range {@code from ≤ ts < to} ({@link #OPEN_FROM}/{@link #OPEN_TO}
 * when unbounded). Invariants: at most {@link #MAX_SERIES} series, each a symbol or a customer id as the measure
 * needs, a safe frame, {@code from} before {@code to}.
 */
public record ChartRequest(Chart chart, Mark mark, String title, List<String> series, String frame, Instant from, Instant to) {

  public static final int MAX_SERIES = 20;
  public static final Instant OPEN_FROM = Instant.EPOCH;
  public static final Instant OPEN_TO = Instant.parse("9999-12-31T00:00:00Z");

  public ChartRequest {
    series = List.copyOf(series);
    if (series.size() > MAX_SERIES) {
      throw new DomainException.Invalid("at most " + MAX_SERIES + " series per chart");
    }
    series.forEach(chart == Chart.USAGE ? Customer::requireId : SafeName.SYMBOL::require);
    SafeName.FRAME.require(frame);
    if (!from.isBefore(to)) {
      throw new DomainException.Invalid("'from' must be before 'to'");
    }
  }

  /** The measure as its own chart: its default mark and title; a null bound is open. */
  public static ChartRequest of(Chart chart, List<String> series, String frame, Instant from, Instant to) {
    return new ChartRequest(chart, chart.mark(), chart.title(), series, frame, from == null ? OPEN_FROM : from,
        to == null ? OPEN_TO : to);
  }

  public boolean boundedFrom() {
    return !from.equals(OPEN_FROM);
  }

  public boolean boundedTo() {
    return !to.equals(OPEN_TO);
  }
}
