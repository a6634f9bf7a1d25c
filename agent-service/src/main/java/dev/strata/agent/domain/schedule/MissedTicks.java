package dev.strata.agent.domain.schedule;

import dev.strata.kernel.error.DomainException;
import java.util.Arrays;

/**
 * What a schedule does with ticks that passed while no poller could start them (every replica down, the database out
 * of reach) once one can again. A tick found no later than the grace after it is not missed; it runs either way.
 */
public enum MissedTicks {
  /** The missed ticks start nothing; the schedule goes on with its next tick to come. */
  SKIP("skip"),
  /** One execution stands for all of them, that of the latest missed tick; then the schedule goes on. */
  RUN_ONCE("run-once");

  private final String wireName;

  MissedTicks(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static MissedTicks of(String wireName) {
    return Arrays.stream(values()).filter(p -> p.wireName.equals(wireName)).findFirst()
        .orElseThrow(() -> new DomainException.Invalid("missedTicks must be 'skip' or 'run-once'"));
  }
}
