package dev.strata.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What an operator relies on in every service: liveness, readiness that checks real
 * dependencies, Prometheus metrics that the dashboards and alerts of {@code deploy/observability}
 * actually find, and the OpenAPI document. A service's {@code EndpointsIT} extends this with
 * {@code @QuarkusTest @QuarkusTestResource(StrataInfrastructure.class)}.
 */
public abstract class OperatorEndpointsContract {

  /** The name of a readiness check this service must report, e.g. a datasource or DuckDB. */
  protected abstract String[] readinessChecks();

  @Test
  void livenessIsUp() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void readinessIsUpAndChecksTheRealDependencies() {
    var body = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    for (String check : readinessChecks()) {
      body.body("checks.name", org.hamcrest.Matchers.hasItem(containsString(check)));
    }
  }

  @Test
  void prometheusMetricsAreExposed() {
    given().get("/q/metrics").then().statusCode(200)
        .body(containsString("jvm_memory_used_bytes"))
        .body(containsString("process_uptime_seconds"));
  }

  /** The service's name, which names its dashboard ({@code deploy/observability/dashboards/<name>.json}). */
  protected String serviceName() {
    return ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
  }

  @Test
  void everyMetricTheServicesDashboardQueriesIsExported() throws InterruptedException {
    // the HTTP server's timers exist once a request was answered (any answer, any route but /q/*)
    given().get("/no-such-route-for-the-metrics-check");
    // the JVM's GC pause timer exists once a collection was reported (asynchronously), which a young test JVM may not
    // have had yet
    System.gc();
    Set<String> missing = missingFromScrape();
    for (int tries = 0; !missing.isEmpty() && tries < 20; tries++) {
      Thread.sleep(250);
      missing = missingFromScrape();
    }
    org.hamcrest.MatcherAssert.assertThat("metrics the " + serviceName() + " dashboard queries but /q/metrics lacks",
        missing, org.hamcrest.Matchers.empty());
  }

  private Set<String> missingFromScrape() {
    String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
    Set<String> missing = new TreeSet<>(ObservabilityAsCode.metricNames(
        ObservabilityAsCode.dashboardExpressions(ObservabilityAsCode.dashboard(serviceName()))));
    missing.removeAll(ObservabilityAsCode.exported(scrape));
    missing.removeAll(ObservabilityAsCode.PROMETHEUS_OWN);
    missing.removeAll(ObservabilityAsCode.recordedNames());
    return missing;
  }

  /**
   * The platform dashboard and the alert rules may name only metrics some service's own dashboard queries, each
   * of which that service's {@code EndpointsIT} finds on its {@code /q/metrics}.
   */
  @Test
  void thePlatformDashboardAndTheAlertsQueryOnlyMetricsOfTheServicesDashboards() {
    Set<String> known = new TreeSet<>(ObservabilityAsCode.PROMETHEUS_OWN);
    known.addAll(ObservabilityAsCode.recordedNames());
    Set<String> named = new TreeSet<>();
    for (var dashboard : ObservabilityAsCode.dashboards()) {
      var names = ObservabilityAsCode.metricNames(ObservabilityAsCode.dashboardExpressions(dashboard));
      (dashboard.getFileName().toString().equals("platform.json") ? named : known).addAll(names);
    }
    ObservabilityAsCode.ruleFiles().forEach(rules -> named.addAll(
        ObservabilityAsCode.metricNames(ObservabilityAsCode.ruleExpressions(rules))));
    org.hamcrest.MatcherAssert.assertThat("rule files", ObservabilityAsCode.ruleFiles(), org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));
    named.removeAll(known);
    org.hamcrest.MatcherAssert.assertThat("metrics the platform dashboard or an alert names that no service dashboard queries",
        named, org.hamcrest.Matchers.empty());
  }

  @Test
  void theOpenApiDocumentIsServed() {
    given().accept("application/json").get("/q/openapi").then().statusCode(200)
        .body("openapi", not(emptyOrNullString()))
        .body("paths", org.hamcrest.Matchers.notNullValue());
    org.hamcrest.MatcherAssert.assertThat("operation ids used twice", OpenApiOperations.duplicateIds(), org.hamcrest.Matchers.empty());
    org.hamcrest.MatcherAssert.assertThat("operations a client cannot learn from the document", OpenApiOperations.unexplained(),
        org.hamcrest.Matchers.empty());
  }
}
