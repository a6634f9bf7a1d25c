package dev.strata.agent.domain.schedule;

import dev.strata.kernel.error.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A workflow's cron schedule: each tick starts one execution of the workflow with {@code input}. {@code nextTick} is
 * the first tick not yet handled; {@code lastTick} and {@code lastExecutionId} the latest tick that started one.
 * {@code version} guards concurrent edits; moving {@code nextTick} on is the poller's and leaves it alone.
 */
public record Schedule(
    UUID id, UUID workflowId, Settings settings, Instant nextTick, Instant lastTick, UUID lastExecutionId, long version,
    Instant createdAt, Instant updatedAt) {

  /** Prefix of the idempotency key of every execution a schedule starts; refused for the keys clients send. */
  public static final String KEY_PREFIX = "schedule:";

  /** What a client sets. */
  public record Settings(Cron cron, ZoneId zone, Map<String, Object> input, MissedTicks missedTicks, boolean enabled) {

    public Settings {
      Objects.requireNonNull(cron, "cron");
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(missedTicks, "missedTicks");
      input = input == null ? Map.of() : input;
    }

    /** The time zone of an IANA name ({@code Europe/Paris}, {@code UTC}); anything else is invalid. */
    public static ZoneId zone(String name) {
      if (name == null || !ZoneId.getAvailableZoneIds().contains(name)) {
        throw new DomainException.Invalid("timeZone must be an IANA time zone such as Europe/Paris or UTC");
      }
      return ZoneId.of(name);
    }

    private boolean sameTicks(Settings other) {
      return cron.equals(other.cron) && zone.equals(other.zone);
    }
  }

  public Schedule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(nextTick, "nextTick");
  }

  /** A new schedule; its first tick is the first one after {@code now}. */
  public static Schedule create(UUID workflowId, Settings settings, Instant now) {
    return new Schedule(UUID.randomUUID(), workflowId, settings, ticks(settings).after(now), null, null, 0, now, now);
  }

  /**
   * This schedule with new settings, at the version the client read. A new cron or zone, or a schedule enabled again,
   * ticks next after {@code now} (the ticks it had while disabled are not missed ones); otherwise the next tick stays.
   */
  public Schedule revise(Settings revised, long expectedVersion, Instant now) {
    boolean restart = !settings.sameTicks(revised) || (revised.enabled() && !settings.enabled());
    return new Schedule(id, workflowId, revised, restart ? ticks(revised).after(now) : nextTick, lastTick, lastExecutionId,
        expectedVersion, createdAt, now);
  }

  /** Empty until {@code nextTick} has come (or while disabled); else what to do about the ticks due by {@code now}. */
  public Optional<Catchup> due(Instant now, Duration grace) {
    return settings.enabled() ? ticks(settings).due(nextTick, now, settings.missedTicks(), grace) : Optional.empty();
  }

  /** The idempotency key of the execution of {@code tick}: the same for every replica that starts it. */
  public String idempotencyKey(Instant tick) {
    return KEY_PREFIX + id + ":" + tick;
  }

  private static Ticks ticks(Settings settings) {
    return new Ticks(settings.cron(), settings.zone());
  }
}
