package dev.strata.agent.application.files;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Runs blocking work (file I/O) off the event loop and completes on the caller's context, so the
 * database work that follows stays where the reactive session lives.
 */
@FunctionalInterface
public interface BlockingWork {

  <T> CompletionStage<T> run(Supplier<T> work);
}
