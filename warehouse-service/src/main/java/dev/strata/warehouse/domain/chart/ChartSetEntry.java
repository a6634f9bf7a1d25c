package dev.strata.warehouse.domain.chart;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chart of a chart set: a measure drawn with a mark under a title, its series and frame, and its date range
 * ({@code from}/{@code to} null when open).
 */
public record ChartSetEntry(String title, Chart measure, Mark mark, List<String> series, String frame, Instant from, Instant to) {

  public ChartSetEntry {
    series = List.copyOf(series);
    // the request states every rule of a chart; a set's chart must be one that can be drawn
    new ChartRequest(measure, mark, title, series, frame, from == null ? ChartRequest.OPEN_FROM : from,
        to == null ? ChartRequest.OPEN_TO : to);
  }

  /** The chart to draw; {@code from}/{@code to}, when given, replace the entry's own range. */
  public ChartRequest request(Instant from, Instant to) {
    Instant start = from != null ? from : this.from;
    Instant end = to != null ? to : this.to;
    return new ChartRequest(measure, mark, title, series, frame, start == null ? ChartRequest.OPEN_FROM : start,
        end == null ? ChartRequest.OPEN_TO : end);
  }

  /** The entry as its JSON document has it (an open bound left out). */
  Map<String, Object> document() {
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("title", title);
    chart.put("measure", measure.chartName());
    chart.put("mark", mark.type());
    chart.put("series", series);
    chart.put("frame", frame);
    if (from != null) {
      chart.put("from", from.toString());
    }
    if (to != null) {
      chart.put("to", to.toString());
    }
    return chart;
  }
}
