package dev.strata.ingest.application;

import dev.strata.ingest.domain.symbolbars.BarsLanded;
import dev.strata.ingest.domain.symbolbars.SymbolDays;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Keeps the symbol-day aggregates in step with the lake when bars land: load, apply, save over the
 * loaded version; a concurrent writer of the same day makes the save stale, and it is retried on a
 * fresh load.
 */
public final class RecordSymbolDays {

  private static final int ATTEMPTS = 5;

  private final SymbolDays days;

  public RecordSymbolDays(SymbolDays days) {
    this.days = days;
  }

  public Uni<Void> on(BarsLanded event) {
    List<Uni<Void>> saves = event.days().entrySet().stream()
        .map(day -> Uni.createFrom().completionStage(() -> days.find(event.symbol(), event.frame(), day.getKey()))
            .map(stored -> stored.land(day.getValue().bars(), day.getValue().first(), day.getValue().last(), event.jobId()))
            .flatMap(updated -> Uni.createFrom().completionStage(() -> days.save(updated)))
            .onFailure(DomainException.Conflict.class).retry().atMost(ATTEMPTS))
        .toList();
    return saves.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(saves).andFailFast().replaceWithVoid();
  }
}
