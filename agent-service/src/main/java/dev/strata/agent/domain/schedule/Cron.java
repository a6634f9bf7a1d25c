package dev.strata.agent.domain.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.strata.kernel.error.DomainException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A Unix cron expression — five fields, {@code minute hour day-of-month month day-of-week}, as crontab and Kubernetes
 * CronJobs read them (names such as {@code MON-FRI} and {@code JAN} allowed; no seconds field, no {@code ?}, no
 * {@code @daily} nicknames) — read in a time zone: {@code 0 9 * * *} in Europe/Paris is 09:00 Paris time on both
 * sides of a daylight-saving change. A wall-clock time the change skips is no tick that day; one it repeats ticks
 * once, at its first occurrence, unless the hour field covers both hours (an hourly schedule ticks in each).
 */
public final class Cron {

  public static final int MAX_LENGTH = 100;

  private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final String text;
  private final ExecutionTime times;

  private Cron(String text, ExecutionTime times) {
    this.text = text;
    this.times = times;
  }

  /** Fails with {@link DomainException.Invalid} for anything but a Unix expression that ticks at least once from now on. */
  public static Cron parse(String text, Instant now) {
    if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
      throw new DomainException.Invalid("cron must be 1.." + MAX_LENGTH + " characters");
    }
    String trimmed = text.trim().replaceAll("\\s+", " ");
    Cron cron;
    try {
      cron = new Cron(trimmed, ExecutionTime.forCron(UNIX.parse(trimmed)));
    } catch (IllegalArgumentException e) {
      throw new DomainException.Invalid("cron '" + trimmed + "' is not a Unix cron expression (minute hour day-of-month month "
          + "day-of-week): " + e.getMessage());
    }
    // "0 0 30 2 *" parses but never comes
    if (cron.nextAfter(now, ZoneId.of("UTC")).isEmpty()) {
      throw new DomainException.Invalid("cron '" + trimmed + "' never ticks");
    }
    return cron;
  }

  /** The expression as stored (blanks collapsed). */
  public String text() {
    return text;
  }

  /** The first tick strictly after {@code instant}, the fields read as wall-clock time in {@code zone}. */
  public Optional<Instant> nextAfter(Instant instant, ZoneId zone) {
    return times.nextExecution(instant.atZone(zone)).map(ZonedDateTime::toInstant);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cron cron && cron.text.equals(text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text);
  }

  @Override
  public String toString() {
    return text;
  }
}
