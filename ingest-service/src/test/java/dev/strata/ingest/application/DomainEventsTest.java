package dev.strata.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
}
