package dev.strata.agent.domain.schedule;

import dev.strata.agent.domain.shared.Repository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** The schedules we keep; filterable on {@code workflowId}. */
public interface Schedules extends Repository<Schedule> {

  /** Up to {@code limit} enabled schedules whose next tick is at or before {@code now}, the longest due first. */
  CompletionStage<List<Schedule>> due(Instant now, int limit);

  /**
   * Moves the schedule on to {@code next} — recording {@code ranTick} and its execution when one ran — only if its
   * next tick is still {@code expected} (compare-and-set: of two pollers that handled the same tick, one moves it).
   * Answers whether it did.
   */
  CompletionStage<Boolean> advance(UUID id, Instant expected, Instant next, Instant ranTick, UUID executionId);
}
