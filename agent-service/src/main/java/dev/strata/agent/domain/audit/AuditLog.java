package dev.strata.agent.domain.audit;

import dev.strata.agent.domain.shared.Page;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** The hash-chained audit log; rows are only ever appended. */
public interface AuditLog {

  CompletionStage<Boolean> contains(UUID messageId);

  /**
   * Takes the log's append lock for the current transaction (appenders queue up, so the chain
   * never forks) and answers the last row's hash, or {@link AuditChain#GENESIS}.
   */
  CompletionStage<String> lockTail();

  CompletionStage<AuditRecord> append(AuditRecord record);

  /** Rows after {@code afterSeq} in order, at most {@code limit}. */
  CompletionStage<List<AuditRecord>> after(long afterSeq, int limit);

  /** Newest first; null arguments do not filter. */
  CompletionStage<Page<AuditRecord>> search(String actor, String resource, Instant from, Instant to, int offset, int limit);
}
