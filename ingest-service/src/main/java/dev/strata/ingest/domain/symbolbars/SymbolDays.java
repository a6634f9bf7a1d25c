package dev.strata.ingest.domain.symbolbars;

import java.time.LocalDate;
import java.util.concurrent.CompletionStage;

/** The symbol-day aggregates, saved with an optimistic version. */
public interface SymbolDays {

  /** The day, or {@link SymbolDay#none} when nothing landed on it yet. */
  CompletionStage<SymbolDay> find(String symbol, String frame, LocalDate tradingDay);

  /**
   * Saves {@code day} if the stored version is still {@code day.version() - 1}.
   *
   * @throws dev.strata.kernel.error.DomainException.Conflict (as the stage's failure) when it is not
   */
  CompletionStage<Void> save(SymbolDay day);
}
