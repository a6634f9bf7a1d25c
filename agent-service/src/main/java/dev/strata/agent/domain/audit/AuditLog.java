package dev.strata.agent.domain.audit;

import dev.strata.agent.domain.shared.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** The hash-chained audit log; rows are only ever appended. */
public interface AuditLog {

  /** Which of {@code messageIds} the log already holds (call after {@link #lockTail}, so the answer stays true until commit). */
  CompletionStage<Set<UUID>> seen(Collection<UUID> messageIds);

  /**
   * Takes the log's append lock for the current transaction (appenders queue up, so the chain
   * never forks) and answers the last row's hash, or {@link AuditChain#GENESIS}.
   */
  CompletionStage<String> lockTail();

  /** Appends {@code records} in their order (each already linked to the one before); one statement, not one per row. */
  CompletionStage<Void> appendAll(List<AuditRecord> records);

  /** Rows after {@code afterSeq} in order, at most {@code limit}. */
  CompletionStage<List<AuditRecord>> after(long afterSeq, int limit);

  /** Newest first; null arguments do not filter. */
  CompletionStage<Page<AuditRecord>> search(String actor, String resource, Instant from, Instant to, int offset, int limit);
}
