package dev.strata.warehouse.domain.chart;

import java.util.Locale;

/** How a chart draws its series: the Vega-Lite mark. */
public enum Mark {
  LINE, AREA, BAR;

  /** The Vega-Lite mark type ({@code line}, {@code area}, {@code bar}). */
  public String type() {
    return name().toLowerCase(Locale.ROOT);
  }
}
