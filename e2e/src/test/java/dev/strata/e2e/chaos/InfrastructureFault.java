package dev.strata.e2e.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A fault of a server the services depend on, while work arrives: bar batches over {@code POST /bars}
 * and workflow executions over {@code POST /workflows/{id}/executions}, from clients that retry what they
 * are asked to retry with the same job id or idempotency key. Two rows: the bars, the executions.
 */
final class InfrastructureFault {

  private static final Duration PATIENCE = Duration.ofMinutes(5);

  private InfrastructureFault() {}

  /** {@code rabbitmqctl stop_app} for {@code outage}, 3 s into the load. */
  static List<Outcome> brokerOutage(Rig rig, int batches, int executions, Duration outage) {
    return during(rig, "broker outage " + outage.toSeconds() + " s", "BO", batches, executions, () -> {
      Faults.brokerOutage(outage);
      return "rabbitmqctl stop_app for " + outage.toSeconds() + " s";
    });
  }

  /** Every connection to the database terminated, three times 2 s apart, 3 s into the load. */
  static List<Outcome> databaseCut(Rig rig, int batches, int executions) {
    return during(rig, "database connections cut 3×", "DC", batches, executions, () -> {
      List<Integer> cut = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        if (round > 0) {
          Faults.sleep(Duration.ofSeconds(2));
        }
        cut.add(Faults.cutDatabaseConnections());
      }
      return "pg_terminate_backend of " + cut + " connections";
    });
  }

  private static List<Outcome> during(Rig rig, String name, String code, int batches, int executions, Supplier<String> fault) {
    BarLoad bars = new BarLoad(rig, code, batches, 240);
    ExecutionLoad runs = new ExecutionLoad(rig, name, ExecutionLoad.Work.TEMPLATE);
    Map<String, AtomicLong> barAnswers = Rig.answers();
    Map<String, AtomicLong> runAnswers = Rig.answers();
    ExecutorService clients = Executors.newFixedThreadPool(2);
    try {
      // spread over about 20 s, so work arrives before, during and after the fault
      CompletableFuture<Void> barClient = CompletableFuture.runAsync(() -> {
        for (int i = 0; i < batches; i++) {
          bars.post(i, barAnswers);
          Faults.sleep(Duration.ofMillis(20_000 / batches));
        }
      }, clients);
      CompletableFuture<Void> runClient = CompletableFuture.runAsync(() -> {
        for (int i = 0; i < executions; i++) {
          runs.start(rig.tag + "-" + code.toLowerCase() + "-" + i, runAnswers);
          Faults.sleep(Duration.ofMillis(20_000 / executions));
        }
      }, clients);
      Faults.sleep(Duration.ofSeconds(3));
      String what = fault.get();
      Instant faultEnd = Instant.now();
      String clientFailure = null;
      try {
        CompletableFuture.allOf(barClient, runClient).get(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        clientFailure = "a client gave up: " + e.getMessage();
      }
      Duration barsRecovered = Recovery.await(faultEnd, PATIENCE, () -> bars.settled() && rig.allReady());
      // one patience for both: the executions have had the time the bars took
      Duration waited = Duration.between(faultEnd, java.time.Instant.now());
      Duration runsRecovered = Recovery.await(faultEnd, PATIENCE.minus(waited).isNegative() ? Duration.ZERO : PATIENCE.minus(waited),
          () -> runs.settled() && rig.allReady());
      Outcome barOutcome = bars.measure(name + ", POST /bars", barsRecovered, what + "; " + Rig.describe(barAnswers));
      Outcome runOutcome = runs.measure(name + ", executions", runsRecovered, what + "; " + Rig.describe(runAnswers));
      return List.of(judged(barOutcome, barAnswers, clientFailure), judged(runOutcome, runAnswers, clientFailure));
    } finally {
      clients.shutdownNow();
    }
  }

  /** A server fault is no client mistake, but a 500 says the service did not know it: 503 is the answer to retry. */
  private static Outcome judged(Outcome outcome, Map<String, AtomicLong> answers, String clientFailure) {
    if (clientFailure != null) {
      return outcome.withFailure(clientFailure);
    }
    AtomicLong internalErrors = answers.get("500");
    return internalErrors == null ? outcome : outcome.withFailure(internalErrors.get() + " answers were 500 instead of 503");
  }
}
