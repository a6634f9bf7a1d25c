package dev.strata.warehouse.domain.chart;

import dev.strata.kernel.error.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a chart set from its JSON tree ({@code Map}/{@code List}/scalars), naming every error by where it is
 * ({@code charts[1].mark: must be one of line, area, bar}):
 * <pre>{"title": "…", "description": "…", "charts": [{"title": "…", "measure": "close", "mark": "line",
 *   "series": ["AAPL"], "frame": "1d", "from": "2024-01-01", "to": "2024-07-01"}]}</pre>
 * The root must be an object; {@code measure} is required (close, volume or usage); {@code mark} defaults to the
 * measure's, {@code frame} to 1d, {@code series} to all, the chart's title to the measure's; {@code from} and
 * {@code to} are ISO instants or dates (midnight UTC), each optional.
 */
public final class ChartSetDocument {

  static final int MAX_TITLE = 200;
  static final int MAX_DESCRIPTION = 2000;
  private static final Set<String> FIELDS = Set.of("title", "description", "charts");
  private static final Set<String> CHART_FIELDS = Set.of("title", "measure", "mark", "series", "frame", "from", "to");

  private ChartSetDocument() {}

  /** The chart set {@code name} the document describes; {@link DomainException.Invalid} listing what is wrong. */
  public static ChartSet parse(String name, Object document) {
    if (!(document instanceof Map<?, ?> root)) {
      throw new DomainException.Invalid("a chart set must be a JSON object, not " + kind(document));
    }
    List<String> errors = new ArrayList<>();
    unknown("", root, FIELDS, errors);
    String title = text("title", root.get("title"), MAX_TITLE, true, errors);
    String description = text("description", root.get("description"), MAX_DESCRIPTION, false, errors);
    List<ChartSetEntry> charts = new ArrayList<>();
    if (!(root.get("charts") instanceof List<?> list) || list.isEmpty() || list.size() > ChartSet.MAX_CHARTS) {
      errors.add("charts: must be a list of 1 to " + ChartSet.MAX_CHARTS + " charts");
    } else {
      for (int i = 0; i < list.size(); i++) {
        ChartSetEntry chart = chart("charts[" + i + "]", list.get(i), errors);
        if (chart != null) {
          charts.add(chart);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new DomainException.Invalid("chart set is invalid: " + String.join("; ", errors));
    }
    return new ChartSet(name, title, description, charts);
  }

  private static ChartSetEntry chart(String at, Object value, List<String> errors) {
    if (!(value instanceof Map<?, ?> fields)) {
      errors.add(at + ": must be an object");
      return null;
    }
    int before = errors.size();
    unknown(at + ".", fields, CHART_FIELDS, errors);
    Chart measure = fields.get("measure") == null ? missing(at + ".measure", errors) : measure(at, fields.get("measure"), errors);
    Mark mark = fields.get("mark") == null ? (measure == null ? null : measure.mark()) : mark(at, fields.get("mark"), errors);
    String title = text(at + ".title", fields.get("title"), MAX_TITLE, false, errors);
    Object series = fields.get("series") == null ? List.of() : fields.get("series");
    if (!(series instanceof List<?> names) || !names.stream().allMatch(String.class::isInstance)) {
      errors.add(at + ".series: must be a list of symbols or customer ids");
      series = List.of();
    }
    String frame = fields.get("frame") == null ? "1d" : fields.get("frame").toString();
    Instant from = instant(at + ".from", fields.get("from"), errors);
    Instant to = instant(at + ".to", fields.get("to"), errors);
    if (errors.size() > before) {
      return null;
    }
    try {
      return new ChartSetEntry(title == null ? measure.title() : title, measure, mark,
          ((List<?>) series).stream().map(String.class::cast).toList(), frame, from, to);
    } catch (DomainException.Invalid e) {
      errors.add(at + ": " + e.getMessage());
      return null;
    }
  }

  private static Chart measure(String at, Object value, List<String> errors) {
    Chart measure = Arrays.stream(Chart.values()).filter(chart -> chart.chartName().equals(value)).findFirst().orElse(null);
    if (measure == null) {
      errors.add(at + ".measure: must be one of close, volume, usage");
    }
    return measure;
  }

  private static Mark mark(String at, Object value, List<String> errors) {
    Mark mark = Arrays.stream(Mark.values()).filter(m -> m.type().equals(value)).findFirst().orElse(null);
    if (mark == null) {
      errors.add(at + ".mark: must be one of line, area, bar");
    }
    return mark;
  }

  private static <T> T missing(String at, List<String> errors) {
    errors.add(at + ": missing");
    return null;
  }

  private static String text(String at, Object value, int max, boolean required, List<String> errors) {
    if (value == null) {
      if (required) {
        errors.add(at + ": missing");
      }
      return null;
    }
    if (!(value instanceof String text) || text.isBlank() || text.length() > max) {
      errors.add(at + ": must be a text of 1 to " + max + " characters");
      return null;
    }
    return text;
  }

  private static Instant instant(String at, Object value, List<String> errors) {
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException again) {
        errors.add(at + ": must be an ISO instant or date");
        return null;
      }
    }
  }

  private static void unknown(String at, Map<?, ?> fields, Set<String> known, List<String> errors) {
    fields.keySet().stream().filter(field -> !known.contains(field)).map(String::valueOf).sorted()
        .forEach(field -> errors.add(at + (field.length() > 64 ? field.substring(0, 64) + "…" : field) + ": unknown field"));
  }

  private static String kind(Object value) {
    return switch (value) {
      case null -> "nothing";
      case List<?> list -> "an array";
      case String text -> "a string";
      case Number number -> "a number";
      case Boolean bool -> "a boolean";
      default -> value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    };
  }
}
