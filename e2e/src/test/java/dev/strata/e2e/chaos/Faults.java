package dev.strata.e2e.chaos;

import dev.strata.testing.LocalBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The faults, done to the real local servers as an operator's bad day would do them. */
final class Faults {

  private Faults() {}

  /** {@code rabbitmqctl stop_app}, the outage, {@code start_app} (returns once the broker accepts connections). */
  static void brokerOutage(Duration outage) {
    LocalBroker.stopApp();
    try {
      sleep(outage);
    } finally {
      LocalBroker.startApp();
    }
  }

  /**
   * Terminates every connection to the suite's database but this one. The {@code strata} role may not
   * terminate other roles' backends, so it runs as the {@code postgres} superuser.
   *
   * @return how many connections were cut
   */
  static int cutDatabaseConnections() {
    String out = run(List.of("runuser", "-u", "postgres", "--", "psql", "-d", "strata_e2e", "-tAc",
        "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname='strata_e2e' and pid<>pg_backend_pid()"));
    return Integer.parseInt(out.trim());
  }

  /** {@code CLIENT PAUSE}: Redis answers no client (any database) for {@code pause}. */
  static void pauseRedis(Duration pause) {
    String out = run(List.of("redis-cli", "-n", "2", "CLIENT", "PAUSE", String.valueOf(pause.toMillis())));
    if (!out.trim().equals("OK")) {
      throw new IllegalStateException("CLIENT PAUSE answered " + out);
    }
  }

  static boolean controllable() {
    return LocalBroker.controllable() && "0".equals(run(List.of("id", "-u")).trim());
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", command) + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
