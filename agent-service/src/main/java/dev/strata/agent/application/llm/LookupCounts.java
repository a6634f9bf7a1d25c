package dev.strata.agent.application.llm;

import dev.strata.agent.domain.llm.Lookups;
import io.smallrye.mutiny.Uni;

/**
 * Hit and miss counts of every replica together, kept in the shared store. Either operation may
 * fail when the store is unreachable.
 */
public interface LookupCounts {

  /** Adds {@code lookups} to the shared counts. */
  Uni<Void> add(Lookups lookups);

  /** The shared counts ({@link Lookups#NONE} before the first addition). */
  Uni<Lookups> read();
}
