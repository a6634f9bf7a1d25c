package dev.strata.kernel.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/**
 * JSON codec of {@link Envelope}s. Tolerant of fields it does not know (a newer producer may add
 * some), strict about the envelope, the type, the schema version and the queue.
 */
public final class EnvelopeCodec {

  private final ObjectMapper mapper;

  public EnvelopeCodec() {
    this(defaultMapper());
  }

  public EnvelopeCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The mapper message contracts are written with: ISO-8601 times, no nulls. */
  public static ObjectMapper defaultMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  public byte[] encode(Envelope<?> envelope) {
    try {
      return mapper.writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a message of any known type. */
  public Envelope<?> decode(byte[] body) {
    JsonNode root = readTree(body);
    String typeName = text(root, "type");
    MessageType<?> type =
        MessageType.named(typeName)
            .orElseThrow(() -> new UndecodableMessage("unknown message type '" + typeName + "'"));
    return decode(root, type);
  }

  /** Decodes a message that must be of {@code expected} (the contract of the queue it came on). */
  public <T> Envelope<T> decode(byte[] body, MessageType<T> expected) {
    JsonNode root = readTree(body);
    String typeName = text(root, "type");
    if (!expected.name().equals(typeName)) {
      throw new UndecodableMessage(
          "message type '" + typeName + "' does not belong on queue " + expected.queue());
    }
    return decode(root, expected);
  }

  private <T> Envelope<T> decode(JsonNode root, MessageType<T> type) {
    int version = root.path("schemaVersion").asInt(0);
    if (version < 1 || version > type.schemaVersion()) {
      throw new UndecodableMessage(
          "schemaVersion " + version + " of " + type.name() + " is not supported (1.." + type.schemaVersion() + ")");
    }
    try {
      UUID messageId = UUID.fromString(text(root, "messageId"));
      Instant occurredAt = Instant.parse(text(root, "occurredAt"));
      JsonNode correlation = root.get("correlationId");
      JsonNode payloadNode = root.get("payload");
      if (payloadNode == null || payloadNode.isNull()) {
        throw new UndecodableMessage("payload is missing");
      }
      T payload = mapper.treeToValue(payloadNode, type.payloadType());
      return new Envelope<>(
          messageId,
          type.name(),
          version,
          occurredAt,
          correlation == null || correlation.isNull() ? null : correlation.asText(),
          payload);
    } catch (JsonProcessingException | RuntimeException e) {
      if (e instanceof UndecodableMessage undecodable) {
        throw undecodable;
      }
      throw new UndecodableMessage("payload does not fit " + type.name() + ": " + e.getMessage(), e);
    }
  }

  private JsonNode readTree(byte[] body) {
    try {
      JsonNode root = mapper.readTree(body);
      if (root == null || !root.isObject()) {
        throw new UndecodableMessage("message is not a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new UndecodableMessage("message is not valid JSON", e);
    }
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual()) {
      throw new UndecodableMessage("envelope field '" + field + "' is missing");
    }
    return node.asText();
  }
}
