package dev.strata.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class DomainEventsTest {

  record Happened(String what) {}

  @Test
  void aFailingHandlerIsReportedWhileEveryOtherHandlerStillRunsAndThePublisherSucceeds() {
    List<String> handled = new CopyOnWriteArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    DomainEvents events = new DomainEvents(failures::add);
    events.subscribe(Happened.class, event -> Uni.createFrom().item(() -> handled.add("first")).replaceWithVoid());
    events.subscribe(Happened.class, event -> {
      throw new IllegalStateException("boom");
    });
    events.subscribe(Happened.class, event -> Uni.createFrom().failure(new IllegalStateException("async boom")));
    events.subscribe(Happened.class, event -> Uni.createFrom().item(() -> handled.add("last")).replaceWithVoid());
    events.subscribe(String.class, event -> Uni.createFrom().item(() -> handled.add("other type")).replaceWithVoid());

    events.publish(new Happened("x")).await().indefinitely();

    assertThat(handled).containsExactlyInAnyOrder("first", "last");
    assertThat(failures).extracting(Throwable::getMessage).containsExactlyInAnyOrder("boom", "async boom");
  }

  @Test
  void publishingManyEventsRunsEveryHandlerForEveryEventInOrderWhateverFailsAndCompletesWhenAllRan() {
    List<String> handled = new CopyOnWriteArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    DomainEvents events = new DomainEvents(failures::add);
    events.subscribe(Happened.class, event -> Uni.createFrom().item(() -> handled.add("first " + event.what())).replaceWithVoid());
    events.subscribe(Happened.class, event -> {
      if (event.what().equals("b")) {
        throw new IllegalStateException("boom on b");
      }
      return Uni.createFrom().item(() -> handled.add("second " + event.what())).replaceWithVoid();
    });
    try (ExecutorService elsewhere = Executors.newSingleThreadExecutor()) {
      // the third handler finishes on another thread: publishMany completes only after it did
      events.subscribe(Happened.class, event -> event.what().equals("c")
          ? Uni.createFrom().failure(new IllegalStateException("async boom on c"))
          : Uni.createFrom().item(() -> handled.add("third " + event.what())).runSubscriptionOn(elsewhere).replaceWithVoid());
      events.subscribe(String.class, event -> Uni.createFrom().item(() -> handled.add("string " + event)).replaceWithVoid());

      events.publishMany(List.of(new Happened("a"), new Happened("b"), "plain", new Happened("c"), new Happened("d")))
          .await().indefinitely();
    }

    assertThat(handled).containsExactlyInAnyOrder(
        "first a", "second a", "third a",
        "first b", "third b",
        "string plain",
        "first c", "second c",
        "first d", "second d", "third d");
    assertThat(handled).filteredOn(entry -> entry.startsWith("first ")).containsExactly("first a", "first b", "first c", "first d");
    assertThat(failures).extracting(Throwable::getMessage).containsExactlyInAnyOrder("boom on b", "async boom on c");
  }

  @Test
  void publishingNoEventsCompletesAtOnce() {
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    DomainEvents events = new DomainEvents(failures::add);
    events.subscribe(Happened.class, event -> Uni.createFrom().failure(new IllegalStateException("never")));

    events.publishMany(List.of()).await().indefinitely();

    assertThat(failures).isEmpty();
  }
}
