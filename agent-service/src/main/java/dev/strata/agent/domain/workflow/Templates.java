package dev.strata.agent.domain.workflow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@code {{input.<key>}}} and {@code {{steps.<id>}}} / {@code {{steps.<id>.<field>}}}
 * placeholders from an execution's state. No expressions, no code: text in, text out.
 */
public final class Templates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z]+)\\.([A-Za-z0-9_-]+)(?:\\.([A-Za-z0-9_-]+))?\\s*}}");

  private Templates() {}

  /** The step ids {@code text} refers to. */
  public static Set<String> stepReferences(String text) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      if (matcher.group(1).equals("steps")) {
        ids.add(matcher.group(2));
      }
    }
    return ids;
  }

  /** {@code text} with every placeholder replaced; unknown ones become empty. */
  public static String render(String text, ExecutionState state) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Object value = switch (matcher.group(1)) {
        case "input" -> state.input().get(matcher.group(2));
        case "steps" -> field(state.outputs().get(matcher.group(2)), matcher.group(3));
        default -> null;
      };
      matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.toString()));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /**
   * A field of a step's output; when the output is a table ({@code rows} of maps, as a
   * warehouse query answers) and has no such field, the column's values, comma-separated — so a
   * later step can take e.g. the customer ids of a query.
   */
  private static Object field(Object output, String field) {
    if (field == null || output == null) {
      return output;
    }
    if (!(output instanceof Map<?, ?> map)) {
      return null;
    }
    if (map.containsKey(field) || !(map.get("rows") instanceof List<?> rows)) {
      return map.get(field);
    }
    return rows.stream()
        .map(row -> row instanceof Map<?, ?> columns ? columns.get(field) : null)
        .filter(Objects::nonNull)
        .map(String::valueOf)
        .collect(Collectors.joining(","));
  }
}
