package dev.strata.agent.application;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Ports answer with {@link CompletionStage} (pure Java); use cases chain them as lazy {@link Uni}s. */
public final class Async {

  private Async() {}

  public static <T> Uni<T> uni(Supplier<? extends CompletionStage<? extends T>> stage) {
    return Uni.createFrom().completionStage(stage);
  }
}
