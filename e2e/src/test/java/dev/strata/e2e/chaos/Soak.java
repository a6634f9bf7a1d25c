package dev.strata.e2e.chaos;

import dev.strata.e2e.PackagedServices.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Mixed load on all four services for a while — bar batches, workflow executions, warehouse reads and
 * queries, scoring's operator endpoints — with no fault: every request answered 2xx the first time,
 * every piece of work done once, and each service's resident memory and open file descriptors sampled
 * (written to {@code target/chaos-soak.csv}). Descriptors that keep growing are a leak.
 */
final class Soak {

  /** Descriptors a service may open beyond its count after warm-up (pools growing to their size), not a leak. */
  private static final int FD_SLACK = 100;

  private record Sample(long atSeconds, Service service, long rssKib, long fds) {}

  private Soak() {}

  static Outcome run(Rig rig, Duration length, Path csv) throws IOException {
    BarLoad bars = new BarLoad(rig, "SK", (int) Math.max(1, length.toSeconds() / 2), 60);
    ExecutionLoad runs = new ExecutionLoad(rig, "soak", ExecutionLoad.Work.TEMPLATE);
    Map<String, AtomicLong> errors = Rig.answers();
    List<Sample> samples = new ArrayList<>();
    Instant start = Instant.now();
    Instant end = start.plus(length);
    Duration warmUp = length.dividedBy(3).compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : length.dividedBy(3);
    Instant nextSample = start;
    int batch = 0;
    int execution = 0;
    while (Instant.now().isBefore(end)) {
      if (!Instant.now().isBefore(nextSample)) {
        long at = Duration.between(start, Instant.now()).toSeconds();
        for (Service service : Service.values()) {
          long pid = rig.services.pid(service);
          samples.add(new Sample(at, service, rssKib(pid), fds(pid)));
        }
        nextSample = nextSample.plusSeconds(10);
      }
      if (batch < bars.size()) {
        int b = batch++;
        once(errors, () -> bars.post(b, errors));
      }
      int n = execution++;
      once(errors, () -> runs.start(rig.tag + "-sk-" + n, errors));
      once(errors, () -> rig.api.get("warehouse", "/ops/layers"));
      once(errors, () -> rig.api.post("warehouse", "/queries/active-customers", Map.of("limit", 50)));
      once(errors, () -> rig.api.get("warehouse", "/ops/runs?limit=50"));
      once(errors, () -> rig.api.get("ingest", "/jobs/" + bars.batch(0).jobId()));
      once(errors, () -> rig.api.get("agent", "/executions?limit=20"));
      once(errors, () -> rig.api.get("scoring", "/q/health/ready"));
      Faults.sleep(Duration.ofMillis(500));
    }
    Instant loadEnd = Instant.now();
    Duration recovery = Recovery.await(loadEnd, Duration.ofMinutes(3), () -> bars.settled() && runs.settled() && rig.allReady());
    writeCsv(csv, samples);
    Outcome barOutcome = bars.measure("soak", recovery, "");
    Outcome runOutcome = runs.measure("soak", recovery, "");
    String resources = resources(samples, warmUp.toSeconds());
    String failure = errors.isEmpty() ? leak(samples, warmUp.toSeconds()) : "requests not answered 2xx: " + Rig.describe(errors);
    return new Outcome("soak " + length.toMinutes() + " min, mixed load on all four services (bar batches + executions)",
        barOutcome.offered() + runOutcome.offered(), barOutcome.exactlyOnce() + runOutcome.exactlyOnce(),
        barOutcome.lost() + runOutcome.lost(), barOutcome.duplicated() + runOutcome.duplicated(), recovery,
        "%d bar batches, %d executions, %d requests in all; %s".formatted(barOutcome.offered(), runOutcome.offered(),
            (long) execution * 7 + batch, resources), failure);
  }

  private static void once(Map<String, AtomicLong> errors, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      errors.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(), k -> new AtomicLong()).incrementAndGet();
    }
  }

  /** RSS and descriptors per service: after warm-up → at the end (MiB, count). */
  private static String resources(List<Sample> samples, long warmUpSeconds) {
    StringBuilder out = new StringBuilder("RSS MiB / open fds after warm-up → end:");
    for (Service service : Service.values()) {
      Sample first = firstAfter(samples, service, warmUpSeconds);
      Sample last = last(samples, service);
      if (first != null && last != null) {
        out.append(" %s %d→%d / %d→%d (max %d MiB);".formatted(service.module.replace("-service", ""), first.rssKib / 1024,
            last.rssKib / 1024, first.fds, last.fds, samples.stream().filter(s -> s.service == service)
                .mapToLong(Sample::rssKib).max().orElse(0) / 1024));
      }
    }
    return out.toString();
  }

  private static String leak(List<Sample> samples, long warmUpSeconds) {
    Map<Service, String> leaks = new EnumMap<>(Service.class);
    for (Service service : Service.values()) {
      Sample first = firstAfter(samples, service, warmUpSeconds);
      Sample last = last(samples, service);
      if (first != null && last != null && last.fds > first.fds + FD_SLACK) {
        leaks.put(service, first.fds + " → " + last.fds + " open file descriptors");
      }
    }
    return leaks.isEmpty() ? null : "descriptors keep growing: " + leaks;
  }

  private static Sample firstAfter(List<Sample> samples, Service service, long seconds) {
    return samples.stream().filter(s -> s.service == service && s.atSeconds >= seconds).findFirst().orElse(null);
  }

  private static Sample last(List<Sample> samples, Service service) {
    return samples.stream().filter(s -> s.service == service).reduce((a, b) -> b).orElse(null);
  }

  private static long rssKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  private static long fds(long pid) {
    try (var entries = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      return entries.count();
    } catch (IOException e) {
      return -1;
    }
  }

  private static void writeCsv(Path csv, List<Sample> samples) throws IOException {
    StringBuilder out = new StringBuilder("seconds,service,rss_kib,open_fds\n");
    samples.forEach(s -> out.append(s.atSeconds).append(',').append(s.service.module).append(',').append(s.rssKib)
        .append(',').append(s.fds).append('\n'));
    Files.createDirectories(csv.getParent());
    Files.writeString(csv, out);
  }
}
