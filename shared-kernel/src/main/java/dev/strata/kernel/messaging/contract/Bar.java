package dev.strata.kernel.messaging.contract;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.strata.kernel.messaging.FlexibleInstantDeserializer;
import java.time.Instant;

/** One OHLCV bar; {@code ts} is ISO-8601 or epoch nanoseconds on the wire. */
public record Bar(
    @JsonDeserialize(using = FlexibleInstantDeserializer.class) Instant ts,
    Double open,
    Double high,
    Double low,
    Double close,
    Double volume) {}
