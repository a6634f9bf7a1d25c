package dev.strata.agent.application;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Runs blocking work (file I/O, password hashing) off the event loop and completes on the caller's
 * context, so the database work that follows stays where the reactive session lives.
 */
@FunctionalInterface
public interface BlockingWork {

  <T> CompletionStage<T> run(Supplier<T> work);
}
