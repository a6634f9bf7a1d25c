package dev.strata.agent.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditChainTest {

  private final AuditChain chain = new AuditChain("a-test-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8));

  private AuditRecord first() {
    return chain.link(AuditChain.GENESIS, UUID.randomUUID(), "s", "alice", "act", "r", "SUCCESS", Instant.now(), "c", Map.of("k", "v"));
  }

  @Test
  void keyedRowsVerifyAndAChangedRowOrABrokenLinkIsFound() {
    var first = withSeq(first(), 1);
    var second = withSeq(chain.link(first.contentHash(), UUID.randomUUID(), "s", "bob", "act", "r", "SUCCESS", Instant.now(), null, Map.of()), 2);
    assertThat(chain.firstBreak(AuditChain.Link.start(), List.of(first, second))).isEmpty();

    var tampered = new AuditRecord(1, first.messageId(), "s", "mallory", "act", "r", "SUCCESS", first.at(), "c", first.details(),
        first.contentHash(), first.previousHash(), AuditChain.KEYED);
    assertThat(chain.firstBreak(AuditChain.Link.start(), List.of(tampered, second))).get().extracting(AuditChain.Break::seq).isEqualTo(1L);
    assertThat(chain.firstBreak(AuditChain.Link.start(), List.of(second))).get().extracting(AuditChain.Break::seq).isEqualTo(2L);
  }

  @Test
  void aRowRehashedWithoutTheKeyIsFound() {
    var row = withSeq(first(), 1);
    var rehashedByAnotherKey = new AuditChain("someone-elses-key-also-32-bytes-long".getBytes(StandardCharsets.UTF_8));
    var forged = withSeq(rehashedByAnotherKey.link(AuditChain.GENESIS, row.messageId(), "s", "mallory", "act", "r", "SUCCESS", row.at(), "c",
        row.details()), 1);
    assertThat(chain.firstBreak(AuditChain.Link.start(), List.of(forged))).isPresent();
  }

  @Test
  void unkeyedRowsMayOnlyBeginTheChain() {
    var legacy = legacy(1, AuditChain.GENESIS, "old");
    var keyed = withSeq(chain.link(legacy.contentHash(), UUID.randomUUID(), "s", "new", "act", "r", "SUCCESS", Instant.now(), null, Map.of()), 2);
    assertThat(chain.firstBreak(AuditChain.Link.start(), List.of(legacy, keyed))).isEmpty();

    var downgraded = legacy(3, keyed.contentHash(), "mallory");
    assertThat(chain.firstBreak(AuditChain.Link.start(), List.of(legacy, keyed, downgraded))).get()
        .satisfies(found -> assertThat(found.reason()).contains("unkeyed row after a keyed one"));
  }

  @Test
  void theCanonicalEncodingIsUnambiguous() {
    var at = Instant.parse("2026-03-01T10:15:30.123456Z");
    var id = UUID.randomUUID();
    var a = new AuditRecord(0, id, "s", "a\u001fb", "act", null, "SUCCESS", at, null, Map.of("x", "1"), null, AuditChain.GENESIS, 2);
    var b = new AuditRecord(0, id, "s", "a", "act", "b", "SUCCESS", at, null, Map.of("x", "1"), null, AuditChain.GENESIS, 2);
    var c = new AuditRecord(0, id, "s", "a", "act", "null", "SUCCESS", at, null, Map.of("x", "1"), null, AuditChain.GENESIS, 2);
    var d = new AuditRecord(0, id, "s", "a", "act", null, "SUCCESS", at, null, Map.of("x", "1"), null, AuditChain.GENESIS, 2);
    assertThat(List.of(AuditCanonicalJson.of(a), AuditCanonicalJson.of(b), AuditCanonicalJson.of(c), AuditCanonicalJson.of(d)))
        .doesNotHaveDuplicates();
    assertThat(AuditCanonicalJson.of(d)).isEqualTo("{\"action\":\"act\",\"actor\":\"a\",\"at\":\"2026-03-01T10:15:30.123456Z\","
        + "\"correlationId\":null,\"details\":{\"x\":\"1\"},\"hashVersion\":\"2\",\"messageId\":\"" + id + "\",\"outcome\":\"SUCCESS\","
        + "\"previousHash\":\"" + AuditChain.GENESIS + "\",\"resource\":null,\"service\":\"s\"}");
  }

  private static AuditRecord legacy(long seq, String previous, String actor) {
    var unhashed = new AuditRecord(seq, UUID.randomUUID(), "s", actor, "act", "r", "SUCCESS", Instant.parse("2026-01-01T00:00:00Z"), null,
        Map.of(), null, previous, AuditChain.LEGACY);
    return new AuditRecord(seq, unhashed.messageId(), "s", actor, "act", "r", "SUCCESS", unhashed.at(), null, Map.of(),
        AuditChain.legacyHash(unhashed), previous, AuditChain.LEGACY);
  }

  private static AuditRecord withSeq(AuditRecord r, long seq) {
    return new AuditRecord(seq, r.messageId(), r.service(), r.actor(), r.action(), r.resource(), r.outcome(), r.at(), r.correlationId(),
        r.details(), r.contentHash(), r.previousHash(), r.hashVersion());
  }
}
