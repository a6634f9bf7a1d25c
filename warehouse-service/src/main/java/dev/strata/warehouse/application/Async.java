package dev.strata.warehouse.application;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Ports answer with a {@link CompletionStage} that their adapter completes off the caller's thread; use cases
 * chain them as lazy {@link Uni}s.
 */
final class Async {

  private Async() {}

  static <T> Uni<T> uni(Supplier<? extends CompletionStage<? extends T>> stage) {
    return Uni.createFrom().completionStage(stage);
  }

  /** {@code step} of each item, one after the other in their order: each starts once the previous completed. */
  static <T, R> Uni<List<R>> inTurn(List<T> items, Function<? super T, Uni<? extends R>> step) {
    return Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(step).collect().asList();
  }
}
