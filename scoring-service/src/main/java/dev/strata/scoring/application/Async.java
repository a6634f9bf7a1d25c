package dev.strata.scoring.application;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/** Ports answer with {@link CompletionStage} (pure Java); use cases chain them as lazy {@link Uni}s. */
final class Async {

  private Async() {}

  static <T> Uni<T> uni(Supplier<? extends CompletionStage<? extends T>> stage) {
    return Uni.createFrom().completionStage(stage);
  }

  /** {@code each} applied to the items one after another, the next starting when the previous is done. */
  static <T, R> Uni<List<R>> inOrder(List<T> items, Function<T, Uni<R>> each) {
    return Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(each::apply).collect().asList();
  }
}
