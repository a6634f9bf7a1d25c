package dev.strata.ingest.domain.symbolbars;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The bars of one symbol and frame on one trading day, as the lake holds them (aggregate root).
 *
 * <p>Invariants: {@code firstTs <= lastTs}; {@code version} grows by one with every change, and a
 * save is accepted only over the version it was loaded at, so two writers of the same day never
 * silently overwrite each other (optimistic concurrency).
 *
 * @param barsLanded bars landed for the day over all jobs (a re-ingest counts again)
 */
public record SymbolDay(
    String symbol, String frame, LocalDate tradingDay, long barsLanded, Instant firstTs, Instant lastTs,
    String lastJobId, long version) {

  /** A day nothing landed on yet (version 0, never saved). */
  public static SymbolDay none(String symbol, String frame, LocalDate tradingDay) {
    return new SymbolDay(symbol, frame, tradingDay, 0, null, null, null, 0);
  }

  /** The day after a job landed {@code bars} bars on it between {@code first} and {@code last}. */
  public SymbolDay land(long bars, Instant first, Instant last, String jobId) {
    if (first.isAfter(last)) {
      throw new IllegalArgumentException("first bar after last bar");
    }
    Instant from = firstTs == null || first.isBefore(firstTs) ? first : firstTs;
    Instant to = lastTs == null || last.isAfter(lastTs) ? last : lastTs;
    return new SymbolDay(symbol, frame, tradingDay, barsLanded + bars, from, to, jobId, version + 1);
  }
}
