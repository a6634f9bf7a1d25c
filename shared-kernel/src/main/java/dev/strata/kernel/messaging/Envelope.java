package dev.strata.kernel.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Every message on a Strata queue travels in this envelope.
 *
 * <p>{@code messageId} is unique per message and is what consumers de-duplicate on;
 * {@code type} and {@code schemaVersion} select the payload contract (see {@link MessageType});
 * {@code correlationId} ties together everything one request caused.
 */
public record Envelope<T>(
    UUID messageId,
    String type,
    int schemaVersion,
    Instant occurredAt,
    String correlationId,
    T payload) {

  public Envelope {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(payload, "payload");
    if (schemaVersion < 1) {
      throw new IllegalArgumentException("schemaVersion must be >= 1");
    }
  }

  /** A new envelope for {@code payload}, with a fresh id, stamped now. */
  public static <T> Envelope<T> of(MessageType<T> type, T payload, String correlationId) {
    return new Envelope<>(
        UUID.randomUUID(), type.name(), type.schemaVersion(), Instant.now(), correlationId, payload);
  }
}
