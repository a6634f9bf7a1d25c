package dev.strata.agent.domain.shared;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Runs repository calls as one unit: {@link #write} commits when the work's stage succeeds and
 * rolls everything back when it fails; {@link #read} gives a consistent session without a commit.
 */
public interface UnitOfWork {

  <T> CompletionStage<T> write(Supplier<CompletionStage<T>> work);

  <T> CompletionStage<T> read(Supplier<CompletionStage<T>> work);
}
