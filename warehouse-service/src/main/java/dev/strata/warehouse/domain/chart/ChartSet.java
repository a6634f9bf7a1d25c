package dev.strata.warehouse.domain.chart;

import dev.strata.kernel.value.SafeName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named set of charts the UI shows together, stored as a JSON document ({@link ChartSetDocument} reads and
 * validates one). Invariants: a safe name, a title, 1 to {@link #MAX_CHARTS} charts, each one that can be drawn.
 *
 * @param description null when it has none
 */
public record ChartSet(String name, String title, String description, List<ChartSetEntry> charts) {

  public static final int MAX_CHARTS = 12;

  public ChartSet {
    SafeName.IDENTIFIER.require(name);
    charts = List.copyOf(charts);
  }

  /** The set as its JSON document: what is stored and read back. */
  public Map<String, Object> document() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("title", title);
    if (description != null) {
      document.put("description", description);
    }
    document.put("charts", charts.stream().map(ChartSetEntry::document).toList());
    return document;
  }
}
