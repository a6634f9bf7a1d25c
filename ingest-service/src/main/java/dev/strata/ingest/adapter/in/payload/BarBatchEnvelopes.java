package dev.strata.ingest.adapter.in.payload;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.UndecodableMessage;
import dev.strata.kernel.messaging.contract.Bar;
import dev.strata.kernel.messaging.contract.BarBatch;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Decodes an {@code ingest.bars} message in one streaming pass: the envelope's fields and the
 * batch's bars (through {@link JsonBars}) as they come, instead of a JSON tree of the whole message
 * that is then bound to records (which read every bar twice). Same rules as the shared
 * {@code EnvelopeCodec}: unknown fields are ignored (a newer producer may add some), the type must be
 * {@code bar-batch}, the schema version one this reader knows, and anything else that does not fit
 * is an {@link UndecodableMessage}, which no redelivery can fix.
 */
public final class BarBatchEnvelopes {

  private static final MessageType<BarBatch> TYPE = MessageType.BAR_BATCH;

  private BarBatchEnvelopes() {}

  public static Envelope<BarBatch> decode(byte[] body) {
    try (JsonParser parser = JsonBars.FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new UndecodableMessage("message is not a JSON object");
      }
      Fields fields = new Fields();
      for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
        JsonToken value = parser.nextToken();
        switch (field) {
          case "messageId" -> fields.messageId = text(parser);
          case "type" -> fields.type = text(parser);
          case "schemaVersion" -> fields.schemaVersion = value.isScalarValue() ? parser.getValueAsInt(0) : skip(parser, 0);
          case "occurredAt" -> fields.occurredAt = text(parser);
          case "correlationId" -> fields.correlationId = value == JsonToken.VALUE_NULL ? null : text(parser);
          case "payload" -> fields.payload = value == JsonToken.VALUE_NULL ? null : payload(parser);
          default -> parser.skipChildren();
        }
      }
      return fields.envelope();
    } catch (UndecodableMessage e) {
      throw e;
    } catch (IOException e) {
      throw new UndecodableMessage("message is not valid JSON or its payload does not fit " + TYPE.name() + ": "
          + e.getMessage(), e);
    }
  }

  private static BarBatch payload(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new UndecodableMessage("payload does not fit " + TYPE.name() + ": not an object");
    }
    String symbol = null;
    String frame = null;
    String jobId = null;
    List<Bar> bars = null;
    for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      switch (field) {
        case "symbol" -> symbol = payloadText(parser);
        case "frame" -> frame = payloadText(parser);
        case "jobId" -> jobId = payloadText(parser);
        case "bars" -> bars = value == JsonToken.VALUE_NULL ? null : JsonBars.readArray(parser, JsonBars.UnknownFields.IGNORE);
        default -> parser.skipChildren();
      }
    }
    return new BarBatch(symbol, frame, bars, jobId);
  }

  /** An envelope string field; anything else counts as missing, as in the codec. */
  private static String text(JsonParser parser) throws IOException {
    return parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : skip(parser, null);
  }

  private static <T> T skip(JsonParser parser, T value) throws IOException {
    parser.skipChildren();
    return value;
  }

  /** A payload string: null stays null, scalars are taken as their text (data-binding's coercion). */
  private static String payloadText(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!token.isScalarValue()) {
      throw new UndecodableMessage("payload does not fit " + TYPE.name() + ": '" + parser.currentName() + "' is not text");
    }
    return parser.getText();
  }

  /** The envelope's fields as read, checked once the whole object is seen (fields may come in any order). */
  private static final class Fields {
    String messageId;
    String type;
    int schemaVersion;
    String occurredAt;
    String correlationId;
    BarBatch payload;

    Envelope<BarBatch> envelope() {
      String typeName = required("type", type);
      if (!TYPE.name().equals(typeName)) {
        throw new UndecodableMessage("message type '" + typeName + "' does not belong on queue " + TYPE.queue());
      }
      if (schemaVersion < 1 || schemaVersion > TYPE.schemaVersion()) {
        throw new UndecodableMessage("schemaVersion " + schemaVersion + " of " + TYPE.name()
            + " is not supported (1.." + TYPE.schemaVersion() + ")");
      }
      try {
        UUID id = UUID.fromString(required("messageId", messageId));
        Instant occurred = Instant.parse(required("occurredAt", occurredAt));
        if (payload == null) {
          throw new UndecodableMessage("payload is missing");
        }
        return new Envelope<>(id, typeName, schemaVersion, occurred, correlationId, payload);
      } catch (UndecodableMessage e) {
        throw e;
      } catch (RuntimeException e) {
        throw new UndecodableMessage("payload does not fit " + TYPE.name() + ": " + e.getMessage(), e);
      }
    }

    private static String required(String field, String value) {
      if (value == null) {
        throw new UndecodableMessage("envelope field '" + field + "' is missing");
      }
      return value;
    }
  }
}
