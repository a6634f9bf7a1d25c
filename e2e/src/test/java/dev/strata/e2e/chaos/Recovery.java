package dev.strata.e2e.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Watches for the work to be done after a fault, and says how long after the fault's end it was. */
final class Recovery {

  private Recovery() {}

  /**
   * Polls {@code done} (a service that cannot answer yet counts as not done) until it holds.
   *
   * @return the time from {@code faultEnd} to the first poll that saw it done, or null when it was not within {@code patience}
   */
  static Duration await(Instant faultEnd, Duration patience, BooleanSupplier done) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      if (holds(done)) {
        return Duration.between(faultEnd, Instant.now());
      }
      if (System.nanoTime() > deadline) {
        return null;
      }
      Faults.sleep(Duration.ofMillis(250));
    }
  }

  /** Waits until {@code condition} holds; false when it did not within {@code patience}. */
  static boolean until(Duration patience, BooleanSupplier condition) {
    return await(Instant.now(), patience, condition) != null;
  }

  private static boolean holds(BooleanSupplier condition) {
    try {
      return condition.getAsBoolean();
    } catch (RuntimeException unreachable) {
      return false;
    }
  }
}
