package dev.strata.agent.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The hash chain rule: a row's hash is sha256 over the previous row's hash and the row's
 * canonical content (fields in a fixed order, details sorted, time in microseconds as Postgres
 * stores it). The first row follows {@link #GENESIS}.
 */
public final class AuditChain {

  public static final String GENESIS = "0".repeat(64);

  /** Where verification found the chain broken. */
  public record Break(long seq, String reason) {}

  private AuditChain() {}

  /** The record that follows {@code previousHash}. */
  public static AuditRecord link(String previousHash, UUID messageId, String service, String actor, String action,
      String resource, String outcome, Instant at, String correlationId, Map<String, String> details) {
    Instant stored = at.truncatedTo(ChronoUnit.MICROS);
    var unhashed = new AuditRecord(0, messageId, service, actor, action, resource, outcome, stored, correlationId, details, null, previousHash);
    return new AuditRecord(0, messageId, service, actor, action, resource, outcome, stored, correlationId, details, hash(unhashed), previousHash);
  }

  /** The first broken link among {@code ordered} rows that follow {@code previousHash}, if any. */
  public static Optional<Break> firstBreak(String previousHash, List<AuditRecord> ordered) {
    String expected = previousHash;
    for (AuditRecord row : ordered) {
      if (!row.previousHash().equals(expected)) {
        return Optional.of(new Break(row.seq(), "previous hash does not match the row before (a row was removed or reordered)"));
      }
      if (!hash(row).equals(row.contentHash())) {
        return Optional.of(new Break(row.seq(), "content does not match its hash (the row was changed)"));
      }
      expected = row.contentHash();
    }
    return Optional.empty();
  }

  static String hash(AuditRecord r) {
    String canonical = String.join("\u001f", r.previousHash(), r.messageId().toString(), r.service(), r.actor(), r.action(),
        String.valueOf(r.resource()), r.outcome(), r.at().truncatedTo(ChronoUnit.MICROS).toString(),
        String.valueOf(r.correlationId()), new TreeMap<>(r.details()).toString());
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
