package dev.strata.e2e.chaos;

import dev.strata.e2e.EventProducer;
import dev.strata.e2e.PackagedServices.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code kill -9} of each consumer in the middle of a backlog on its queue, then a restart: ingest with bar
 * batches queued on {@code ingest.bars}, warehouse with {@code dataset.ingested} queued, agent with
 * executions queued on {@code workflow.execute}.
 */
final class ConsumerKill {

  private static final Duration PATIENCE = Duration.ofMinutes(5);

  private ConsumerKill() {}

  static Outcome ingest(Rig rig, int batches, int barsPerBatch) {
    BarLoad load = new BarLoad(rig, "KI", batches, barsPerBatch);
    try (EventProducer producer = rig.producer()) {
      load.publishAll(producer);
    } catch (java.io.IOException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e);
    }
    Recovery.until(Duration.ofMinutes(2), () -> load.completedJobs() >= Math.max(1, batches / 4));
    long landed = load.completedJobs();
    Instant faultEnd = killAndStart(rig, Service.INGEST);
    Duration recovery = Recovery.await(faultEnd, PATIENCE, () -> load.settled() && rig.allReady());
    return midStream(load.measure("kill -9 ingest, " + batches + " bar batches queued on ingest.bars", recovery,
        "killed with %d of %d jobs completed".formatted(landed, batches)), landed, batches);
  }

  static Outcome warehouse(Rig rig, int batches, int barsPerBatch) {
    BarLoad load = new BarLoad(rig, "KW", batches, barsPerBatch);
    Map<String, AtomicLong> seen = Rig.answers();
    rig.services.stop(Service.WAREHOUSE);
    try {
      for (int i = 0; i < batches; i++) {
        load.post(i, seen);
      }
      Recovery.until(Duration.ofMinutes(2), () -> load.completedJobs() == batches);
    } finally {
      rig.services.start(Service.WAREHOUSE);
    }
    Recovery.until(Duration.ofMinutes(3), () -> load.promotedRuns() >= Math.max(1, batches / 4));
    long promoted = load.promotedRuns();
    Instant faultEnd = killAndStart(rig, Service.WAREHOUSE);
    Duration recovery = Recovery.await(faultEnd, PATIENCE, () -> load.settled() && rig.allReady());
    return midStream(load.measure("kill -9 warehouse, " + batches + " dataset.ingested queued", recovery,
        "killed with %d of %d runs promoted".formatted(promoted, batches)), promoted, batches);
  }

  static Outcome agent(Rig rig, int executions) {
    ExecutionLoad load = new ExecutionLoad(rig, "kill agent", ExecutionLoad.Work.SLOW_HTTP);
    Map<String, AtomicLong> seen = Rig.answers();
    for (int i = 0; i < executions; i++) {
      load.start(rig.tag + "-ka-" + i, seen);
    }
    Recovery.until(Duration.ofMinutes(2), () -> load.succeeded() >= Math.max(1, executions / 4));
    long done = load.succeeded();
    Instant faultEnd = killAndStart(rig, Service.AGENT);
    Duration recovery = Recovery.await(faultEnd, PATIENCE, () -> load.settled() && rig.allReady());
    return midStream(load.measure("kill -9 agent, " + executions + " executions queued (0.2 s http step)", recovery,
        "killed with %d of %d executions SUCCEEDED".formatted(done, executions)), done, executions);
  }

  /** The fault ends when the process is started again: from then on, recovery is the service's business. */
  private static Instant killAndStart(Rig rig, Service service) {
    rig.services.kill(service);
    Instant restarted = Instant.now();
    rig.services.start(service);
    return restarted;
  }

  /** A kill after the backlog drained proves nothing: such a run is not counted as a pass. */
  private static Outcome midStream(Outcome outcome, long doneAtKill, long offered) {
    return doneAtKill >= offered ? outcome.withFailure("the backlog had drained before the kill") : outcome;
  }
}
