package dev.strata.agent.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.domain.audit.AuditChain;
import dev.strata.agent.domain.audit.AuditLog;
import dev.strata.agent.domain.audit.AuditRecord;
import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.contract.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RecordAuditTest {

  /** The log as a list; every append is checked to extend the tail it was linked to. */
  private final List<AuditRecord> rows = new ArrayList<>();
  private final List<Integer> appendCalls = new ArrayList<>();

  private final AuditLog log = new AuditLog() {
    @Override
    public CompletionStage<Set<UUID>> seen(Collection<UUID> messageIds) {
      return CompletableFuture.completedFuture(rows.stream().map(AuditRecord::messageId).filter(messageIds::contains).collect(Collectors.toSet()));
    }

    @Override
    public CompletionStage<String> lockTail() {
      return CompletableFuture.completedFuture(rows.isEmpty() ? AuditChain.GENESIS : rows.getLast().contentHash());
    }

    @Override
    public CompletionStage<Void> appendAll(List<AuditRecord> records) {
      appendCalls.add(records.size());
      rows.addAll(records);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<AuditRecord>> after(long afterSeq, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Page<AuditRecord>> search(String actor, String resource, Instant from, Instant to, int offset, int limit) {
      throw new UnsupportedOperationException();
    }
  };

  private static final AuditChain CHAIN = new AuditChain("a-test-key-of-at-least-32-bytes!!".getBytes());
  private final UnitOfWork unitOfWork = new DirectUnitOfWork();

  private final RecordAudit recordAudit = new RecordAudit(log, CHAIN, unitOfWork);

  private static Envelope<AuditEvent> event(String actor) {
    return Envelope.of(MessageType.AUDIT_EVENT, new AuditEvent("ingest-service", actor, "dataset.ingest", "dataset/" + actor,
        AuditEvent.Outcome.SUCCESS, Instant.parse("2026-03-01T10:15:30.123456789Z"), Map.of("rows", "1")), "corr-" + actor);
  }

  @Test
  void aBatchAppendsEachNewMessageOnceInOneCallChainedInItsOrder() {
    var earlier = event("earlier");
    recordAudit.run(List.of(earlier)).await().indefinitely();
    var a = event("a");
    var b = event("b");
    var c = event("c");

    // a duplicate within the batch (a twice) and one already in the log (earlier)
    recordAudit.run(List.of(a, earlier, b, a, c)).await().indefinitely();

    assertThat(rows).extracting(AuditRecord::messageId).containsExactly(earlier.messageId(), a.messageId(), b.messageId(), c.messageId());
    assertThat(appendCalls).containsExactly(1, 3);
    assertThat(rows.get(1).previousHash()).isEqualTo(rows.get(0).contentHash());
    assertThat(CHAIN.firstBreak(AuditChain.Link.start(), rows)).isEmpty();
  }

  @Test
  void aBatchOfMessagesAllSeenBeforeAppendsNothing() {
    var a = event("a");
    recordAudit.run(List.of(a)).await().indefinitely();

    recordAudit.run(List.of(a, a)).await().indefinitely();

    assertThat(rows).hasSize(1);
    assertThat(appendCalls).containsExactly(1);
  }
}
