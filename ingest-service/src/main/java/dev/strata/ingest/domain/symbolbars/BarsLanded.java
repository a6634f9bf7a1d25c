package dev.strata.ingest.domain.symbolbars;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** In-process domain event: a job landed bars of a symbol, summarised per trading day. */
public record BarsLanded(String jobId, String symbol, String frame, Map<LocalDate, DaySummary> days) {

  /** How many bars landed on a day, and the first and last of them. */
  public record DaySummary(long bars, Instant first, Instant last) {}
}
