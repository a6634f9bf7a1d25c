package dev.strata.agent.application.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.agent.domain.llm.CacheOutcome;
import dev.strata.agent.domain.llm.Lookups;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ClusterLookupsTest {

  /** The shared store: one pair of counters that every replica adds to; it can be switched off. */
  private static final class SharedCounts implements LookupCounts {
    final AtomicReference<Lookups> total = new AtomicReference<>(Lookups.NONE);
    final AtomicBoolean down = new AtomicBoolean();

    @Override
    public Uni<Void> add(Lookups lookups) {
      if (down.get()) {
        return Uni.createFrom().failure(new IllegalStateException("store down"));
      }
      total.updateAndGet(t -> new Lookups(t.hits() + lookups.hits(), t.misses() + lookups.misses()));
      return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Lookups> read() {
      return down.get() ? Uni.createFrom().failure(new IllegalStateException("store down")) : Uni.createFrom().item(total.get());
    }
  }

  private final SharedCounts shared = new SharedCounts();

  @Test
  void theCountsAreTheSumOfEveryReplicasAnswers() {
    ClusterLookups one = new ClusterLookups(shared);
    ClusterLookups two = new ClusterLookups(shared);
    one.count(CacheOutcome.HIT);
    one.count(CacheOutcome.MISS);
    two.count(CacheOutcome.SHARED);
    two.count(CacheOutcome.DEGRADED);
    two.count(CacheOutcome.BYPASS);

    two.flush().await().indefinitely();

    assertThat(one.read().await().indefinitely()).isEqualTo(new Lookups(2, 2));
  }

  @Test
  void countsMadeWhileTheStoreIsDownAreAddedOnceItIsBack() {
    ClusterLookups replica = new ClusterLookups(shared);
    replica.count(CacheOutcome.HIT);
    shared.down.set(true);
    replica.count(CacheOutcome.DEGRADED);

    assertThatThrownBy(() -> replica.flush().await().indefinitely()).hasMessageContaining("store down");
    assertThatThrownBy(() -> replica.flush().await().indefinitely()).hasMessageContaining("store down");
    shared.down.set(false);
    replica.flush().await().indefinitely();
    replica.flush().await().indefinitely();

    assertThat(shared.total.get()).isEqualTo(new Lookups(1, 1));
  }

  @Test
  void aReadWaitsForCountsAnEarlierFlushHasTakenButNotYetStored() {
    var slowStore = new java.util.concurrent.CompletableFuture<Void>();
    LookupCounts slow = new LookupCounts() {
      @Override
      public Uni<Void> add(Lookups lookups) {
        return Uni.createFrom().completionStage(slowStore).invoke(() -> shared.add(lookups).await().indefinitely());
      }

      @Override
      public Uni<Lookups> read() {
        return shared.read();
      }
    };
    ClusterLookups replica = new ClusterLookups(slow);
    replica.count(CacheOutcome.HIT);
    replica.count(CacheOutcome.HIT);
    replica.flush().subscribe().with(done -> { }); // the scheduled flush: counts taken, store not answered yet

    var read = replica.read().subscribe().asCompletionStage();
    assertThat(read).isNotDone();
    slowStore.complete(null);

    assertThat(read.join()).isEqualTo(new Lookups(2, 0));
  }
}
