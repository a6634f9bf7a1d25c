package dev.strata.ingest.domain.usage;

import java.time.Instant;
import java.util.Map;

/** A usage event that passed validation; {@code quantity} is 1 when the producer sent none. */
public record ValidUsageEvent(
    String customerId, Instant ts, String event, double quantity, Map<String, String> attributes) {

  public ValidUsageEvent {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
