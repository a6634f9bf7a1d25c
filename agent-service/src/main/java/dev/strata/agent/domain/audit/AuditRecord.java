package dev.strata.agent.domain.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One row of the audit log. {@code contentHash} covers every field and {@code previousHash}, so
 * changing a row, or removing or reordering rows, breaks the chain at that point.
 *
 * @param seq position in the log (assigned on append; 0 before)
 * @param hashVersion the rule {@code contentHash} follows ({@link AuditChain#KEYED} for every row written now)
 */
public record AuditRecord(
    long seq, UUID messageId, String service, String actor, String action, String resource, String outcome,
    Instant at, String correlationId, Map<String, String> details, String contentHash, String previousHash, int hashVersion) {

  public AuditRecord {
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}
