package dev.strata.warehouse.domain.ledger;

import java.time.Instant;

/** How far a layer ({@code bronze}, {@code silver}, {@code gold}) covers one dataset identity ({@link Watermark#key}). */
public record LayerWatermark(String layer, String identityKey, Instant coverageTo, Instant updatedAt) {}
