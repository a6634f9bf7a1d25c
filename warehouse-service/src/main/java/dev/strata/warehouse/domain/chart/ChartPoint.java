package dev.strata.warehouse.domain.chart;

import java.time.Instant;

/** One point of a chart series, from gold. */
public record ChartPoint(Instant ts, String series, double value) {}
