package dev.strata.ingest.application;

import dev.strata.ingest.domain.symbolbars.BarsLanded;
import dev.strata.ingest.domain.symbolbars.SymbolDay;
import dev.strata.ingest.domain.symbolbars.SymbolDays;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Keeps the symbol-day aggregates in step with the lake when bars land: load every day the batch
 * touched, apply, save them together over the loaded versions; a concurrent writer of one of those
 * days makes the save stale, and the whole set is retried on a fresh load. Writers of one day meet
 * when jobs of one symbol land at once; each retry waits a growing, jittered while so that they spread
 * out rather than collide again (five immediate retries lost some of 8 concurrent writers' updates).
 */
public final class RecordSymbolDays {

  private static final int ATTEMPTS = 10;

  private final SymbolDays days;

  public RecordSymbolDays(SymbolDays days) {
    this.days = days;
  }

  public Uni<Void> on(BarsLanded event) {
    if (event.days().isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<LocalDate> touched = List.copyOf(event.days().keySet());
    return Uni.createFrom().completionStage(() -> days.findAll(event.symbol(), event.frame(), touched))
        .map(stored -> stored.stream().map(day -> landed(day, event)).toList())
        .flatMap(updated -> Uni.createFrom().completionStage(() -> days.saveAll(updated)))
        .onFailure(DomainException.Conflict.class).retry()
        .withBackOff(Duration.ofMillis(5), Duration.ofMillis(500)).withJitter(0.5).atMost(ATTEMPTS);
  }

  private static SymbolDay landed(SymbolDay day, BarsLanded event) {
    BarsLanded.DaySummary summary = event.days().get(day.tradingDay());
    return day.land(summary.bars(), summary.first(), summary.last(), event.jobId());
  }
}
