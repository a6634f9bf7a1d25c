package dev.strata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The files of {@code deploy/observability}: the operator's PrometheusRule says exactly what the plain rule
 * files say (their one source; {@code prometheus-rule.sh} writes it), every alert says how bad it is and what
 * happened, and every dashboard is one Grafana can import. That the metrics they name exist is checked against
 * the services themselves (test-support's OperatorEndpointsContract), that the rules parse and fire by the
 * e2e suite's real Prometheus.
 */
class ObservabilityFilesTest {

  private static final Path OBSERVABILITY = Kustomize.DEPLOY.resolve("observability");
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void thePrometheusRuleHoldsExactlyTheGroupsOfThePlainRuleFiles() throws IOException {
    ArrayNode plain = JSON.createArrayNode();
    for (Path file : files("rules", ".rules.yml")) {
      plain.addAll((ArrayNode) YAML.readTree(file.toFile()).path("groups"));
    }
    JsonNode operator = YAML.readTree(OBSERVABILITY.resolve("prometheus-rule.yaml").toFile());

    assertThat(operator.path("kind").asText()).isEqualTo("PrometheusRule");
    assertThat(operator.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(operator.path("spec").path("groups"))
        .as("prometheus-rule.yaml is behind rules/: run deploy/observability/prometheus-rule.sh").isEqualTo(plain);
  }

  @Test
  void everyAlertHasASeverityASummaryAndADescription() throws IOException {
    Set<String> names = new HashSet<>();
    for (Path file : files("rules", ".rules.yml")) {
      for (JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
        for (JsonNode rule : group.path("rules")) {
          String alert = rule.path("alert").asText();
          assertThat(names.add(alert)).as("alert %s defined twice", alert).isTrue();
          assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn("page", "ticket");
          assertThat(rule.path("annotations").path("summary").asText()).as(alert).isNotBlank();
          assertThat(rule.path("annotations").path("description").asText()).as(alert).isNotBlank();
        }
      }
    }
    assertThat(names).contains("StrataDeadLetterQueueGrowing", "StrataOutboxStuck", "StrataConsumerStopped",
        "StrataNotReady", "StrataErrorRate");
  }

  @Test
  void thereIsADashboardPerServiceAndOneForThePlatformEachWithItsOwnUid() throws IOException {
    Set<String> uids = new HashSet<>();
    List<Path> dashboards = files("dashboards", ".json");
    assertThat(dashboards.stream().map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
        "platform.json", "ingest-service.json", "warehouse-service.json", "scoring-service.json", "agent-service.json");
    for (Path file : dashboards) {
      JsonNode dashboard = JSON.readTree(file.toFile());
      assertThat(uids.add(dashboard.path("uid").asText())).as("uid of %s", file).isTrue();
      assertThat(dashboard.path("title").asText()).as(file.toString()).startsWith("Strata / ");
      assertThat(dashboard.path("panels").size()).as(file.toString()).isGreaterThan(5);
      for (JsonNode panel : dashboard.path("panels")) {
        if (!"row".equals(panel.path("type").asText())) {
          assertThat(panel.path("targets").findValues("expr")).as("%s: %s", file, panel.path("title")).isNotEmpty();
        }
      }
    }
  }

  private static List<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(OBSERVABILITY.resolve(folder))) {
      return files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
