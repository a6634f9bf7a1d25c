package dev.strata.agent.domain.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The tick arithmetic of one schedule: given its next tick and the time now, which tick (if any) starts an execution,
 * how many are skipped, and where the schedule goes on.
 */
final class Ticks {

  /**
   * Ticks counted one by one after an outage; past this many the count stops and the latest tick is found by looking
   * back from now, so that a frequent schedule after a long outage costs no more than this.
   */
  static final int COUNTED = 1000;

  /** How far back from now the latest tick is looked for, nearest first, once more than {@link #COUNTED} were missed. */
  private static final List<Duration> LOOK_BACK = List.of(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1),
      Duration.ofDays(32), Duration.ofDays(367));

  private final Cron cron;
  private final ZoneId zone;

  Ticks(Cron cron, ZoneId zone) {
    this.cron = cron;
    this.zone = zone;
  }

  /** The first tick strictly after {@code instant}. */
  Instant after(Instant instant) {
    return cron.nextAfter(instant, zone)
        .orElseThrow(() -> new IllegalStateException("cron '" + cron + "' has no tick after " + instant));
  }

  /** Empty while {@code nextTick} is still to come. */
  Optional<Catchup> due(Instant nextTick, Instant now, MissedTicks policy, Duration grace) {
    if (nextTick.isAfter(now)) {
      return Optional.empty();
    }
    Instant latest = nextTick;
    long due = 1;
    Instant following = after(latest);
    while (!following.isAfter(now) && due < COUNTED) {
      latest = following;
      due++;
      following = after(latest);
    }
    if (!following.isAfter(now)) {
      latest = latestUpTo(now, following);
      following = after(latest);
    }
    boolean onTime = !latest.plus(grace).isBefore(now);
    Optional<Instant> run = onTime || policy == MissedTicks.RUN_ONCE ? Optional.of(latest) : Optional.empty();
    return Optional.of(new Catchup(run, due - (run.isPresent() ? 1 : 0), following));
  }

  /** The latest tick at or before {@code now}, which is at or after {@code dueTick} (itself a tick at or before now). */
  private Instant latestUpTo(Instant now, Instant dueTick) {
    Instant from = dueTick;
    for (Duration back : LOOK_BACK) {
      Instant candidate = after(now.minus(back));
      if (!candidate.isAfter(now) && candidate.isAfter(dueTick)) {
        from = candidate;
        break;
      }
    }
    for (Instant next = after(from); !next.isAfter(now); next = after(from)) {
      from = next;
    }
    return from;
  }
}
