package dev.strata.e2e.chaos;

import dev.strata.e2e.PackagedServices;
import dev.strata.e2e.PlatformClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Redis answers nobody ({@code CLIENT PAUSE}) while agent-service's Redis users are busy: executions
 * whose {@code llm} step goes through the Redis-cached gateway (a local stand-in LLM), sign-ins (their
 * failure counter lives in Redis) and {@code POST /llm/completions}. Each is offered work; a sign-in or a
 * completion is done once when it is answered 200, retried as a careful client retries (a password
 * sign-in fails closed while its counter is out of reach: 503 with {@code Retry-After}).
 */
final class RedisPause {

  private RedisPause() {}

  static Outcome run(Rig rig, int executions, Duration pause) {
    ExecutionLoad load = new ExecutionLoad(rig, "redis pause", ExecutionLoad.Work.LLM);
    Map<String, AtomicLong> seen = Rig.answers();
    AtomicLong calls = new AtomicLong();
    AtomicLong answered = new AtomicLong();
    ExecutorService clients = Executors.newFixedThreadPool(3);
    try {
      CompletableFuture<Void> starts = CompletableFuture.runAsync(() -> {
        for (int i = 0; i < executions; i++) {
          load.start(rig.tag + "-rp-" + i, seen);
          Faults.sleep(Duration.ofMillis(10_000 / executions));
        }
      }, clients);
      Runnable signIns = () -> repeat(Duration.ofSeconds(10), calls, answered, () -> Rig.retrying(() -> rig.api.post("agent", "/auth/token",
          Map.of("username", "admin", "password", PackagedServices.adminPassword())), seen));
      Runnable completions = () -> repeat(Duration.ofSeconds(10), calls, answered, () -> Rig.retrying(() -> rig.api.post("agent", "/llm/completions",
          Map.of("messages", List.of(Map.of("role", "user", "content", "Is customer " + (calls.get() % 5) + " at risk?")), "temperature", 0)), seen));
      CompletableFuture<Void> others = CompletableFuture.allOf(CompletableFuture.runAsync(signIns, clients),
          CompletableFuture.runAsync(completions, clients));
      Faults.sleep(Duration.ofSeconds(2));
      Faults.pauseRedis(pause);
      Faults.sleep(pause);
      Instant faultEnd = Instant.now();
      CompletableFuture.allOf(starts, others).join();
      Duration recovery = Recovery.await(faultEnd, Duration.ofMinutes(3), () -> load.settled() && rig.allReady());
      Outcome runs = load.measure("Redis paused " + pause.toSeconds() + " s", recovery, "");
      long failed = calls.get() - answered.get();
      return new Outcome(runs.experiment() + ": llm-step executions, sign-ins, completions", runs.offered() + calls.get(),
          runs.exactlyOnce() + answered.get(), runs.lost() + failed, runs.duplicated(), recovery,
          "%d executions, %d sign-ins and completions (%d not answered 200), stand-in LLM called %d×; %s%s".formatted(
              runs.offered(), calls.get(), failed, rig.endpoints.llmCalls(), Rig.describe(seen), runs.notes()), null);
    } finally {
      clients.shutdownNow();
    }
  }

  private static void repeat(Duration span, AtomicLong calls, AtomicLong answered, Runnable call) {
    long end = System.nanoTime() + span.toNanos();
    while (System.nanoTime() < end) {
      calls.incrementAndGet();
      try {
        call.run();
        answered.incrementAndGet();
      } catch (PlatformClient.HttpProblem | IllegalStateException refused) {
        // counted as not answered
      }
      Faults.sleep(Duration.ofMillis(200));
    }
  }
}
