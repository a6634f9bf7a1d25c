package dev.strata.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The dashboards and alert rules of {@code deploy/observability} as the metric names they query, and a
 * {@code /q/metrics} scrape as the names it exports: what {@link OperatorEndpointsContract} compares, so a
 * dashboard or an alert never watches a metric no service has.
 */
public final class ObservabilityAsCode {

  /** Series Prometheus makes itself for every target; no service exports them. */
  public static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern NAME = Pattern.compile("(?<![\\w.$:])[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
      "ignoring", "group_left", "group_right", "inf", "nan");

  private ObservabilityAsCode() {}

  /** {@code deploy/observability}, found from a module's folder (where Maven runs its tests) or the repository's. */
  public static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("deploy/observability");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no deploy/observability above " + Path.of("").toAbsolutePath());
  }

  public static Path dashboard(String name) {
    return root().resolve("dashboards/" + name + ".json");
  }

  public static List<Path> dashboards() {
    try (Stream<Path> files = Files.list(root().resolve("dashboards"))) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The plain Prometheus rule files (the source of the operator's {@code PrometheusRule}). */
  public static List<Path> ruleFiles() {
    try (Stream<Path> files = Files.list(root().resolve("rules"))) {
      return files.filter(file -> file.toString().endsWith(".rules.yml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every PromQL expression of a dashboard: its panels' (and rows' panels') targets and its variables' queries. */
  public static List<String> dashboardExpressions(Path dashboard) {
    JsonNode root = read(JSON, dashboard);
    List<String> expressions = new ArrayList<>();
    root.findValues("expr").forEach(expr -> expressions.add(expr.asText()));
    root.path("templating").path("list").forEach(variable -> {
      JsonNode query = variable.path("query");
      String text = query.isObject() ? query.path("query").asText() : query.asText();
      if ("query".equals(variable.path("type").asText()) && !text.isBlank()) {
        expressions.add(text.replaceAll("^label_values\\((.*),\\s*\\w+\\)$", "$1").replaceAll("^query_result\\((.*)\\)$", "$1"));
      }
    });
    return expressions;
  }

  /** Every alerting and recording rule's expression in a rule file. */
  public static List<String> ruleExpressions(Path rules) {
    List<String> expressions = new ArrayList<>();
    read(YAML, rules).path("groups").forEach(group -> group.path("rules").forEach(rule -> expressions.add(rule.path("expr").asText())));
    return expressions;
  }

  /** The names of recorded series (recording rules), which expressions may use like exported metrics. */
  public static Set<String> recordedNames() {
    Set<String> names = new TreeSet<>();
    for (Path file : ruleFiles()) {
      read(YAML, file).path("groups").forEach(group -> group.path("rules").forEach(rule -> {
        if (rule.hasNonNull("record")) {
          names.add(rule.path("record").asText());
        }
      }));
    }
    return names;
  }

  /** The metric names a PromQL expression selects (neither functions, keywords, labels nor durations). */
  public static Set<String> metricNames(String promql) {
    String text = promql
        .replaceAll("\\$\\{?\\w+}?", " ")
        .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ")
        .replaceAll("\\{[^}]*}", " ")
        .replaceAll("\\[[^]]*]", " ")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new TreeSet<>();
    Matcher matcher = NAME.matcher(text);
    while (matcher.find()) {
      String token = matcher.group();
      String rest = text.substring(matcher.end()).stripLeading();
      if (!rest.startsWith("(") && !KEYWORDS.contains(token.toLowerCase())) {
        names.add(token);
      }
    }
    return names;
  }

  /** The metric names of every expression given. */
  public static Set<String> metricNames(List<String> expressions) {
    Set<String> names = new TreeSet<>();
    expressions.forEach(expression -> names.addAll(metricNames(expression)));
    return names;
  }

  /** The names of the series in a Prometheus text exposition ({@code /q/metrics}). */
  public static Set<String> exported(String exposition) {
    Set<String> names = new TreeSet<>();
    exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
        .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
    return names;
  }

  private static JsonNode read(ObjectMapper mapper, Path file) {
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
