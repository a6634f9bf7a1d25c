package dev.strata.support.http;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wait a {@code Retry-After} header asks for (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date
 * in any of its three forms (§5.6.7) — IMF-fixdate {@code Wed, 21 Oct 2026 07:28:00 GMT}, the
 * obsolete RFC 850 {@code Wednesday, 21-Oct-26 07:28:00 GMT} and asctime {@code Wed Oct 21 07:28:00 2026}.
 * A date is waited for from the moment the answer arrived; one already past is no wait. For the
 * clients of third-party APIs that ask callers to slow down (market data, the LLM provider).
 */
public final class RetryAfter {

  private static final Pattern SECONDS = Pattern.compile("\\d{1,18}");
  private static final Pattern RFC_850 = Pattern.compile("[A-Za-z]{6,9}, (\\d{2})-([A-Za-z]{3})-(\\d{2}) (\\d{2}:\\d{2}:\\d{2}) GMT");
  private static final DateTimeFormatter RFC_850_REST = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss", Locale.US);
  private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

  private RetryAfter() {}

  /** The wait asked for by {@code value} from {@code receivedAt}, or empty when there is none or it cannot be read. */
  public static Optional<Duration> of(String value, Instant receivedAt) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.trim();
    if (SECONDS.matcher(text).matches()) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
    }
    return date(text, receivedAt).map(at -> at.isAfter(receivedAt) ? Duration.between(receivedAt, at) : Duration.ZERO);
  }

  private static Optional<Instant> date(String text, Instant receivedAt) {
    try {
      return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeException notImfFixdate) {
      // one of the obsolete forms, below
    }
    Matcher rfc850 = RFC_850.matcher(text);
    try {
      if (rfc850.matches()) {
        return Optional.of(rfc850(rfc850, receivedAt));
      }
      return Optional.of(LocalDateTime.parse(text, ASCTIME).toInstant(ZoneOffset.UTC));
    } catch (DateTimeException unreadable) {
      return Optional.empty();
    }
  }

  /**
   * A two-digit year is the one within 50 years of the answer's; one more than 50 years ahead is the
   * latest past year with those digits (§5.6.7).
   */
  private static Instant rfc850(Matcher date, Instant receivedAt) {
    int thisYear = receivedAt.atOffset(ZoneOffset.UTC).getYear();
    int year = thisYear - Math.floorMod(thisYear, 100) + Integer.parseInt(date.group(3));
    if (year > thisYear + 50) {
      year -= 100;
    } else if (year <= thisYear - 50) {
      year += 100;
    }
    String rest = date.group(1) + "-" + date.group(2) + "-" + year + " " + date.group(4);
    return LocalDateTime.parse(rest, RFC_850_REST).toInstant(ZoneOffset.UTC);
  }
}
