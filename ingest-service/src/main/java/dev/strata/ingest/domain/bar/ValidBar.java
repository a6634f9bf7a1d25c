package dev.strata.ingest.domain.bar;

import java.time.Instant;

/** A bar that passed every validation policy; {@code outlier} marks a move of more than 50 %. */
public record ValidBar(
    Instant ts, double open, double high, double low, double close, double volume, boolean outlier) {}
