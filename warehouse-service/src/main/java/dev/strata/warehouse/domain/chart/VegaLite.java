package dev.strata.warehouse.domain.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a Vega-Lite v5 spec: the chart's mark (line, area or bar) over time with one colour per series,
 * a nearest-x hover rule with a tooltip, the requested date range as the x axis's extent, and an interval
 * parameter on x ({@code range}) the UI binds to its date-range picker (zoom and pan by default).
 */
public final class VegaLite {

  public static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

  private VegaLite() {}

  public static Map<String, Object> spec(ChartRequest request, List<ChartPoint> points) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("$schema", SCHEMA);
    spec.put("title", request.title());
    spec.put("width", "container");
    spec.put("height", 300);
    spec.put("data", Map.of("values", points.stream().map(p -> Map.of(
        "ts", p.ts().toString(), "series", p.series(), "value", p.value())).toList()));
    spec.put("encoding", Map.of("x", x(request)));
    spec.put("layer", List.of(marks(request), hoverRule()));
    return spec;
  }

  /** Time on x; a bounded date range is the axis's extent, so the chart shows the range asked for. */
  private static Map<String, Object> x(ChartRequest request) {
    Map<String, Object> x = new LinkedHashMap<>(Map.of("field", "ts", "type", "temporal", "title", "time"));
    Map<String, Object> scale = new LinkedHashMap<>();
    if (request.boundedFrom()) {
      scale.put("domainMin", request.from().toString());
    }
    if (request.boundedTo()) {
      scale.put("domainMax", request.to().toString());
    }
    if (!scale.isEmpty()) {
      x.put("scale", scale);
    }
    return x;
  }

  private static Map<String, Object> marks(ChartRequest request) {
    Chart chart = request.chart();
    return Map.of(
        "mark", Map.of("type", request.mark().type(), "tooltip", true),
        "params", List.of(Map.of("name", "range", "select", Map.of("type", "interval", "encodings", List.of("x")),
            "bind", "scales")),
        "encoding", Map.of(
            "y", Map.of("field", "value", "type", "quantitative", "title", chart.title()),
            "color", Map.of("field", "series", "type", "nominal")));
  }

  private static Map<String, Object> hoverRule() {
    return Map.of(
        "mark", Map.of("type", "rule", "color", "gray"),
        "params", List.of(Map.of("name", "hover", "select", Map.of("type", "point", "encodings", List.of("x"),
            "on", "pointerover", "nearest", true, "clear", "pointerout"))),
        "encoding", Map.of(
            "opacity", Map.of("condition", Map.of("param", "hover", "empty", false, "value", 0.6), "value", 0),
            "tooltip", List.of(Map.of("field", "ts", "type", "temporal"), Map.of("field", "series", "type", "nominal"),
                Map.of("field", "value", "type", "quantitative"))));
  }
}
