package dev.strata.kernel.messaging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads a timestamp written as ISO-8601 (with offset or {@code Z}, or a bare date meaning
 * midnight UTC) or as a whole number of epoch nanoseconds, the two forms producers use.
 */
public final class FlexibleInstantDeserializer extends StdScalarDeserializer<Instant> {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  public FlexibleInstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      return fromEpochNanos(parser.getLongValue());
    }
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      String text = parser.getText().trim();
      try {
        return parse(text);
      } catch (DateTimeParseException | NumberFormatException e) {
        return (Instant) context.handleWeirdStringValue(
            Instant.class, text, "not an ISO-8601 timestamp or epoch nanoseconds");
      }
    }
    return (Instant) context.handleUnexpectedToken(Instant.class, parser);
  }

  /** Parses ISO-8601 or a string of epoch nanoseconds. */
  public static Instant parse(String text) {
    if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
      return fromEpochNanos(Long.parseLong(text));
    }
    if (text.length() == 10) {
      return Instant.parse(text + "T00:00:00Z");
    }
    return OffsetDateTime.parse(text).toInstant();
  }

  private static Instant fromEpochNanos(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
  }
}
