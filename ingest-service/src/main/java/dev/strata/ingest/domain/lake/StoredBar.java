package dev.strata.ingest.domain.lake;

import java.time.Instant;

/** A bar as the lake holds it. */
public record StoredBar(
    String symbol, String frame, Instant ts, double open, double high, double low, double close,
    double volume, boolean outlier, String jobId) {}
