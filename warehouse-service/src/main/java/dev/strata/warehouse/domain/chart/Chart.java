package dev.strata.warehouse.domain.chart;

import dev.strata.kernel.error.DomainException;
import java.util.Arrays;

/** The measures the UI can chart, each from one gold table, with the mark it is drawn with by default. */
public enum Chart {
  /** Closing price per symbol (gold bars), a line. */
  CLOSE("close", Mark.LINE, "Close"),
  /** Traded volume per symbol (gold bars), bars. */
  VOLUME("volume", Mark.BAR, "Volume"),
  /** Usage events per day (gold usage), an area; series are customers or "all". */
  USAGE("usage", Mark.AREA, "Usage events");

  private final String chartName;
  private final Mark mark;
  private final String title;

  Chart(String chartName, Mark mark, String title) {
    this.chartName = chartName;
    this.mark = mark;
    this.title = title;
  }

  public String chartName() {
    return chartName;
  }

  /** The mark it is drawn with unless a chart set says otherwise. */
  public Mark mark() {
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
