package dev.strata.ingest.adapter.in.payload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.strata.kernel.messaging.FlexibleInstantDeserializer;
import dev.strata.kernel.messaging.contract.Bar;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads bars with Jackson's streaming parser straight from the bytes into {@link Bar} rows, without
 * data-binding or a tree: a JSON array of bar objects, or NDJSON (bar objects one after another).
 * {@code ts} is ISO-8601 or epoch nanoseconds; prices and volume are numbers, numeric strings or
 * null. A missing or null field becomes null and is reported by the validation policies, as with
 * data-binding. Malformed JSON and values of the wrong shape throw Jackson's own exceptions, with
 * the row's index and field as their path, so the REST layer answers them as 400 problem+json.
 */
public final class JsonBars {

  /** What to do with a field a bar does not have. */
  public enum UnknownFields {
    /** REST: a typo must not silently drop a value. */
    FAIL,
    /** Queues: a newer producer may add fields (the envelope codec is tolerant too). */
    IGNORE
  }

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final List<Object> KNOWN_FIELDS = List.of("ts", "open", "high", "low", "close", "volume");
  static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

  private JsonBars() {}

  /** Every bar of a request body: a JSON array, or NDJSON (blank lines are whitespace). */
  public static List<Bar> read(InputStream body, UnknownFields unknownFields) throws IOException {
    try (JsonParser parser = FACTORY.createParser(body)) {
      List<Bar> bars = new ArrayList<>();
      JsonToken first = parser.nextToken();
      if (first == null) {
        return bars;
      }
      if (first == JsonToken.START_ARRAY) {
        readArrayInto(parser, bars, unknownFields);
        if (parser.nextToken() != null) {
          throw MismatchedInputException.from(parser, List.class, "content after the array of bars");
        }
        return bars;
      }
      for (JsonToken token = first; token != null; token = parser.nextToken()) {
        bars.add(bar(parser, bars.size(), unknownFields));
      }
      return bars;
    }
  }

  /** The bars of an array the parser stands at ({@code START_ARRAY}); leaves it on {@code END_ARRAY}. */
  public static List<Bar> readArray(JsonParser parser, UnknownFields unknownFields) throws IOException {
    List<Bar> bars = new ArrayList<>();
    readArrayInto(parser, bars, unknownFields);
    return bars;
  }

  private static void readArrayInto(JsonParser parser, List<Bar> bars, UnknownFields unknownFields) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw MismatchedInputException.from(parser, List.class, "bars must be an array of bar objects");
    }
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      bars.add(bar(parser, bars.size(), unknownFields));
    }
  }

  /** The bar object the parser stands at; leaves the parser on its {@code END_OBJECT}. */
  private static Bar bar(JsonParser parser, int row, UnknownFields unknownFields) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw at(MismatchedInputException.from(parser, Bar.class,
          "a bar must be a JSON object, not " + parser.currentToken()), row, null);
    }
    Instant ts = null;
    Double open = null;
    Double high = null;
    Double low = null;
    Double close = null;
    Double volume = null;
    for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
      parser.nextToken();
      try {
        switch (field) {
          case "ts" -> ts = instant(parser);
          case "open" -> open = number(parser);
          case "high" -> high = number(parser);
          case "low" -> low = number(parser);
          case "close" -> close = number(parser);
          case "volume" -> volume = number(parser);
          default -> unknown(parser, field, unknownFields);
        }
      } catch (JsonMappingException e) {
        throw at(e, row, field);
      }
    }
    return new Bar(ts, open, high, low, close, volume);
  }

  private static void unknown(JsonParser parser, String field, UnknownFields unknownFields) throws IOException {
    if (unknownFields == UnknownFields.FAIL) {
      throw UnrecognizedPropertyException.from(parser, Bar.class, field, KNOWN_FIELDS);
    }
    parser.skipChildren();
  }

  private static Instant instant(JsonParser parser) throws IOException {
    return switch (parser.currentToken()) {
      case VALUE_NULL -> null;
      case VALUE_NUMBER_INT -> fromEpochNanos(parser.getLongValue());
      case VALUE_STRING -> {
        String text = parser.getText().trim();
        try {
          yield FlexibleInstantDeserializer.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
          throw InvalidFormatException.from(parser, "Cannot deserialize value of type `java.time.Instant` from String \""
              + text + "\": not an ISO-8601 timestamp or epoch nanoseconds", text, Instant.class);
        }
      }
      default -> throw MismatchedInputException.from(parser, Instant.class,
          "Cannot deserialize value of type `java.time.Instant` from " + parser.currentToken());
    };
  }

  private static Double number(JsonParser parser) throws IOException {
    return switch (parser.currentToken()) {
      case VALUE_NULL -> null;
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_STRING -> {
        String text = parser.getText().trim();
        if (text.isEmpty()) {
          yield null;
        }
        try {
          yield NumberInput.parseDouble(text, true);
        } catch (NumberFormatException e) {
          throw InvalidFormatException.from(parser, "Cannot deserialize value of type `java.lang.Double` from String \""
              + text + "\": not a valid `Double` value", text, Double.class);
        }
      }
      default -> throw MismatchedInputException.from(parser, Double.class,
          "Cannot deserialize value of type `java.lang.Double` from " + parser.currentToken());
    };
  }

  private static JsonMappingException at(JsonMappingException e, int row, String field) {
    if (field != null) {
      e.prependPath(Bar.class, field);
    }
    e.prependPath(List.class, row);
    return e;
  }

  static Instant fromEpochNanos(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
  }
}
