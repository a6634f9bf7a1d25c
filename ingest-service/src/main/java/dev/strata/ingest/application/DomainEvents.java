package dev.strata.ingest.application;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small in-process publisher of domain events: every handler of an event's type runs, and a
 * failing handler is reported to {@code failures} without stopping the others or failing the
 * publisher's caller (the event already happened).
 */
public final class DomainEvents {

  private record Subscription<E>(Class<E> type, Function<E, Uni<Void>> handler) {}

  private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();
  private final Consumer<Throwable> failures;

  public DomainEvents(Consumer<Throwable> failures) {
    this.failures = failures;
  }

  public <E> void subscribe(Class<E> type, Function<E, Uni<Void>> handler) {
    subscriptions.add(new Subscription<>(type, handler));
  }

  public Uni<Void> publish(Object event) {
    List<Uni<Void>> runs = subscriptions.stream()
        .filter(subscription -> subscription.type().isInstance(event))
        .map(subscription -> run(subscription, event))
        .toList();
    return runs.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(runs).andCollectFailures().replaceWithVoid();
  }

  /**
   * Publishes {@code events} one after the other, in their order, each as {@link #publish} does:
   * every handler runs for every event, and a failing handler is reported without stopping the
   * other handlers or the events after it. Completes when all handlers of all events have run.
   */
  public Uni<Void> publishMany(List<?> events) {
    return Multi.createFrom().iterable(List.copyOf(events))
        .onItem().transformToUniAndConcatenate(this::publish)
        .onItem().ignoreAsUni();
  }

  private static <E> Uni<Void> runUnchecked(Subscription<E> subscription, Object event) {
    return subscription.handler().apply(subscription.type().cast(event));
  }

  private Uni<Void> run(Subscription<?> subscription, Object event) {
    return Uni.createFrom().deferred(() -> runUnchecked(subscription, event))
        .onFailure().invoke(failures)
        .onFailure().recoverWithNull();
  }
}
