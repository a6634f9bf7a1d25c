package dev.strata.agent.application;

import dev.strata.agent.domain.shared.UnitOfWork;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** A unit of work with no transaction around it, for use-case tests on in-memory ports. */
public final class DirectUnitOfWork implements UnitOfWork {

  @Override
  public <T> CompletionStage<T> write(Supplier<CompletionStage<T>> work) {
    return work.get();
  }

  @Override
  public <T> CompletionStage<T> read(Supplier<CompletionStage<T>> work) {
    return work.get();
  }
}
