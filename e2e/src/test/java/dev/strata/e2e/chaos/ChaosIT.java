package dev.strata.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.e2e.PackagedServices;
import dev.strata.e2e.PackagedServices.Service;
import dev.strata.e2e.PlatformClient;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.TestTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault suite: the packaged services on the real local servers, each experiment a fault done to
 * them while work is offered, each measured — work done exactly once, lost, done twice, time to recover
 * — into one table ({@code target/chaos-report.md}). {@code verify} runs a short subset; {@code -Pchaos}
 * ({@code bin/strata chaos}) runs every experiment with longer backlogs, and {@code -Dchaos.soak=30m}
 * adds the soak. See RELIABILITY.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosIT {

  private static final Path RUN_DIR = Path.of("target/chaos-run").toAbsolutePath();
  private static final boolean FULL = Boolean.getBoolean("chaos.full");
  private static final ChaosReport REPORT = new ChaosReport();
  private static Rig rig;

  @BeforeAll
  static void startThePlatform() throws Exception {
    assumeTrue(Faults.controllable(), "the fault suite needs the local servers and root (rabbitmqctl, runuser postgres)");
    PackagedServices.resetStores(RUN_DIR);
    LocalEndpoints endpoints = new LocalEndpoints();
    PackagedServices services = new PackagedServices(RUN_DIR, Map.of("LLM_BASE_URL", endpoints.base() + "/v1"));
    services.startAll();
    PlatformClient api = new PlatformClient(Map.of(
        "ingest", "http://127.0.0.1:" + Service.INGEST.port, "warehouse", "http://127.0.0.1:" + Service.WAREHOUSE.port,
        "scoring", "http://127.0.0.1:" + Service.SCORING.port, "agent", "http://127.0.0.1:" + Service.AGENT.port));
    api.useToken(TestTokens.token(Roles.ADMIN));
    rig = new Rig(services, api, endpoints, RUN_DIR, UUID.randomUUID().toString().substring(0, 8));
  }

  @AfterAll
  static void reportAndStop() {
    if (rig == null) {
      return;
    }
    String header = "Scale: " + (FULL ? "full (-Pchaos)" : "CI subset (verify)") + ". Columns: work offered, done exactly once, "
        + "lost, done more than once, time from the fault's end until the last piece was done and every service READY.";
    REPORT.write(Path.of("target/chaos-report.md"), header);
    System.out.println("\n[chaos] " + header + "\n" + REPORT.table() + "\n" + REPORT.details());
    rig.services.close();
    rig.close();
  }

  /** Each experiment starts from a platform whose four services are READY, whatever the one before did. */
  @BeforeEach
  void everyServiceReady() {
    for (Service service : Service.values()) {
      if (!rig.services.ready(service)) {
        rig.services.stop(service);
        rig.services.start(service);
        rig.services.awaitReady(service, Duration.ofMinutes(3));
      }
    }
  }

  @Test
  @Order(1)
  void ingestKilledWithABacklogLandsEveryBatchOnce() {
    record(() -> List.of(ConsumerKill.ingest(rig, FULL ? 120 : 30, 1440)));
  }

  @Test
  @Order(2)
  void warehouseKilledWithABacklogPromotesEveryRunOnce() {
    assumeTrue(FULL, "-Pchaos");
    record(() -> List.of(ConsumerKill.warehouse(rig, 80, 600)));
  }

  @Test
  @Order(3)
  void agentKilledWithABacklogRunsEveryExecutionOnce() {
    assumeTrue(FULL, "-Pchaos");
    record(() -> List.of(ConsumerKill.agent(rig, 300)));
  }

  @Test
  @Order(4)
  void aBrokerOutageLosesNoBarsAndNoExecutions() {
    record(() -> InfrastructureFault.brokerOutage(rig, FULL ? 40 : 20, FULL ? 100 : 40, Duration.ofSeconds(10)));
  }

  @Test
  @Order(5)
  void cutDatabaseConnectionsLoseNothing() {
    assumeTrue(FULL, "-Pchaos");
    record(() -> InfrastructureFault.databaseCut(rig, 40, 100));
  }

  @Test
  @Order(6)
  void aRedisPauseFailsNoSignInCompletionOrExecution() {
    assumeTrue(FULL, "-Pchaos");
    record(() -> List.of(RedisPause.run(rig, 60, Duration.ofSeconds(5))));
  }

  /** Oversized: over the services' limit (strata.messaging.max-message-size, 16M), under the local broker's own (32M). */
  @Test
  @Order(7)
  void poisonAndOversizedMessagesEndInTheirDeadLetterQueuesCounted() {
    record(() -> List.of(BadMessages.run(rig, Integer.getInteger("chaos.oversized-mib", 24) * 1024 * 1024)));
  }

  @Test
  @Order(8)
  void hostileRequestsAreAnsweredAsClientMistakes() {
    record(() -> List.of(HostileHttp.run(rig, FULL ? 400 : 150)));
  }

  @Test
  @Order(9)
  void aSoakUnderMixedLoadHasNoErrorsAndNoLeak() {
    String soak = System.getProperty("chaos.soak", "");
    assumeTrue(!soak.isBlank(), "-Dchaos.soak=30m");
    record(() -> List.of(Soak.run(rig, Duration.parse("PT" + soak.toUpperCase()), Path.of("target/chaos-soak.csv"))));
  }

  /** Runs an experiment, puts its rows in the table (an experiment that broke off too), then asserts them. */
  private static void record(Callable<List<Outcome>> experiment) {
    List<Outcome> outcomes;
    try {
      outcomes = experiment.call();
    } catch (Exception | AssertionError e) {
      String name = StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst().orElseThrow().getMethodName());
      REPORT.add(new Outcome(name, 0, 0, 0, 0, null, "broke off", e.toString()));
      throw new AssertionError(name + " broke off", e);
    }
    outcomes.forEach(REPORT::add);
    for (Outcome outcome : outcomes) {
      System.out.println("[chaos] " + outcome);
      assertThat(outcome.failure()).as(outcome.experiment()).isNull();
      assertThat(outcome.recovery()).as(outcome.experiment() + ": work done and every service READY again").isNotNull();
      assertThat(outcome.lost()).as(outcome.experiment() + ": lost (" + outcome.notes() + ")").isZero();
      assertThat(outcome.duplicated()).as(outcome.experiment() + ": done twice (" + outcome.notes() + ")").isZero();
      assertThat(outcome.exactlyOnce()).as(outcome.experiment() + ": done exactly once").isEqualTo(outcome.offered());
    }
  }
}
