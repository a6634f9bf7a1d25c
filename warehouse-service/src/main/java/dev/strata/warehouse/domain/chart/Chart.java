package dev.strata.warehouse.domain.chart;

import dev.strata.kernel.error.DomainException;
import java.util.Arrays;

/** The charts the UI can ask for, each a Vega-Lite mark over one gold measure. */
public enum Chart {
  /** Closing price per symbol (gold bars), a line. */
  CLOSE("close", "line", "Close"),
  /** Traded volume per symbol (gold bars), bars. */
  VOLUME("volume", "bar", "Volume"),
  /** Usage events per day (gold usage), an area; series are customers or "all". */
  USAGE("usage", "area", "Usage events");

  private final String chartName;
  private final String mark;
  private final String title;

  Chart(String chartName, String mark, String title) {
    this.chartName = chartName;
    this.mark = mark;
    this.title = title;
  }

  public String chartName() {
    return chartName;
  }

  public String mark() {
    return mark;
  }

  public String title() {
    return title;
  }

  public static Chart named(String name) {
    return Arrays.stream(values()).filter(chart -> chart.chartName.equals(name)).findFirst()
        .orElseThrow(() -> new DomainException.NotFound("no chart '" + name + "'"));
  }
}
