package dev.strata.ingest.domain.symbolbars;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The symbol-day aggregates, saved with an optimistic version. A batch of bars touches many days
 * at once (100 k one-minute bars span ~70), so days are loaded and saved as a set: one round trip
 * each instead of one per day.
 */
public interface SymbolDays {

  /** The days in the order asked, each {@link SymbolDay#none} when nothing landed on it yet. */
  CompletionStage<List<SymbolDay>> findAll(String symbol, String frame, List<LocalDate> tradingDays);

  /**
   * Saves every day in one transaction if each stored version is still {@code day.version() - 1};
   * otherwise saves none of them.
   *
   * @throws dev.strata.kernel.error.DomainException.Conflict (as the stage's failure) when a day is stale
   */
  CompletionStage<Void> saveAll(List<SymbolDay> days);

  /** The day, or {@link SymbolDay#none} when nothing landed on it yet. */
  default CompletionStage<SymbolDay> find(String symbol, String frame, LocalDate tradingDay) {
    return findAll(symbol, frame, List.of(tradingDay)).thenApply(List::getFirst);
  }

  /** Saves one day over its loaded version, as {@link #saveAll}. */
  default CompletionStage<Void> save(SymbolDay day) {
    return saveAll(List.of(day));
  }
}
