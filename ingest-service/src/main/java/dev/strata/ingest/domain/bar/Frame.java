package dev.strata.ingest.domain.bar;

import dev.strata.kernel.value.SafeName;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A bar frame such as {@code 1m}, {@code 5m}, {@code 1h} or {@code 1d}.
 *
 * <p>It decides the lake partition of a bar: intraday frames (seconds, minutes, hours) are cut
 * per UTC day ({@code date=YYYY-MM-DD}); daily and longer frames per UTC year ({@code date=YYYY}),
 * because one file per day would leave a single row in each of thousands of files.
 */
public record Frame(String value) {

  private static final long SECONDS_PER_DAY = 86_400;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yyyy").withZone(ZoneOffset.UTC);

  public Frame {
    SafeName.FRAME.require(value);
  }

  public static Frame of(String value) {
    return new Frame(value);
  }

  /** True for frames shorter than a day. */
  public boolean intraday() {
    char unit = unit();
    return unit == 's' || unit == 'm' || unit == 'h';
  }

  /** True for frames counted in whole minutes or hours, whose bars must start on a minute. */
  public boolean minuteBased() {
    return unit() == 'm' || unit() == 'h';
  }

  public Duration duration() {
    long amount = Long.parseLong(value.substring(0, value.length() - 1));
    return switch (unit()) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      default -> Duration.ofDays(7 * amount);
    };
  }

  /** The {@code date=} partition value of a bar starting at {@code ts}. */
  public String partitionOf(Instant ts) {
    return intraday() ? DAY.format(ts) : YEAR.format(ts);
  }

  /**
   * A number that is equal for two bars exactly when they share a partition (the UTC day, or the
   * UTC year), cheap enough to compute per row; {@link #partitionOf} names the partition.
   */
  public long partitionKey(Instant ts) {
    long day = Math.floorDiv(ts.getEpochSecond(), SECONDS_PER_DAY);
    return intraday() ? day : LocalDate.ofEpochDay(day).getYear();
  }

  private char unit() {
    return value.charAt(value.length() - 1);
  }

  @Override
  public String toString() {
    return value;
  }
}
