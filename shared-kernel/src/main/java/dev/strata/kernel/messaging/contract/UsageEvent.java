package dev.strata.kernel.messaging.contract;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.strata.kernel.messaging.FlexibleInstantDeserializer;
import java.time.Instant;
import java.util.Map;

/** One customer usage event; {@code quantity} defaults to 1 downstream when absent. */
public record UsageEvent(
    String customerId,
    @JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant ts,
    String event,
    Double quantity,
    Map<String, String> attributes) {}
