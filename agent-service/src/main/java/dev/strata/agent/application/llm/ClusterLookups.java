package dev.strata.agent.application.llm;

import dev.strata.agent.domain.llm.CacheOutcome;
import dev.strata.agent.domain.llm.Lookups;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.LongAdder;

/**
 * The cluster's hit and miss counts. A replica counts its answers in memory and adds them to the
 * shared {@link LookupCounts} in batches ({@link #flush()}, on a schedule and before every read), so
 * an answer costs no extra round trip to the store. When the store cannot be reached the counts stay
 * here and go with the next flush: an outage delays them, it neither loses them nor slows answers.
 */
public final class ClusterLookups {

  private final LookupCounts shared;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private Uni<Void> unfinished; // the latest flush not yet finished, guarded by this

  public ClusterLookups(LookupCounts shared) {
    this.shared = shared;
  }

  /** One answer given on this replica. */
  public void count(CacheOutcome outcome) {
    Lookups lookup = Lookups.of(outcome);
    hits.add(lookup.hits());
    misses.add(lookup.misses());
  }

  /**
   * Adds what this replica counted since the last flush to the shared counts; kept for later on failure.
   * Flushes run one after another, so a {@link #read()} never misses counts that an earlier flush has
   * taken from memory but not yet stored.
   */
  public Uni<Void> flush() {
    return Uni.createFrom().deferred(this::afterEarlierFlushes);
  }

  private synchronized Uni<Void> afterEarlierFlushes() {
    Uni<Void> earlier = unfinished == null ? Uni.createFrom().voidItem() : unfinished.onFailure().recoverWithNull();
    Uni<Void> mine = earlier.chain(this::addPending).memoize().indefinitely();
    unfinished = mine;
    return mine.eventually(() -> forget(mine));
  }

  private synchronized void forget(Uni<Void> finished) {
    if (unfinished == finished) {
      unfinished = null; // nothing in flight: the chain of finished flushes can go
    }
  }

  private Uni<Void> addPending() {
    Lookups pending = new Lookups(hits.sumThenReset(), misses.sumThenReset());
    if (pending.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return shared.add(pending).onFailure().invoke(failure -> {
      hits.add(pending.hits());
      misses.add(pending.misses());
    });
  }

  /** The shared counts including this replica's latest answers. */
  public Uni<Lookups> read() {
    return flush().chain(shared::read);
  }
}
