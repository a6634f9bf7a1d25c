package dev.strata.agent.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash chain rule. A row's hash covers the previous row's hash and every field of the row.
 * Version 2 (every row written now) is an HMAC-SHA256, keyed with a secret the database never
 * holds, over {@link AuditCanonicalJson}: someone who can rewrite rows in SQL cannot compute the
 * hash of a changed row, so {@code /audit/verify} finds it. Version 1 rows (written before the key
 * existed: a plain SHA-256 over fields joined with a separator) are still verified, but only as
 * the chain's beginning: a version 1 row after a version 2 row is a break, so rows cannot be
 * downgraded one by one to the unkeyed rule.
 */
public final class AuditChain {

  public static final String GENESIS = "0".repeat(64);
  public static final int LEGACY = 1;
  public static final int KEYED = 2;

  /** Where verification found the chain broken. */
  public record Break(long seq, String reason) {}

  /** The row a page of rows follows: its hash and hash version ({@link #start()} before the first row). */
  public record Link(String hash, int version) {
    public static Link start() {
      return new Link(GENESIS, LEGACY);
    }
  }

  private final SecretKeySpec key;

  /** {@code key}: the HMAC key's bytes, at least 32 (checked where the configuration is read). */
  public AuditChain(byte[] key) {
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  /** The record that follows {@code previousHash}, keyed (version 2). */
  public AuditRecord link(String previousHash, UUID messageId, String service, String actor, String action,
      String resource, String outcome, Instant at, String correlationId, Map<String, String> details) {
    Instant stored = at.truncatedTo(ChronoUnit.MICROS);
    var unhashed = new AuditRecord(0, messageId, service, actor, action, resource, outcome, stored, correlationId, details, null,
        previousHash, KEYED);
    return new AuditRecord(0, messageId, service, actor, action, resource, outcome, stored, correlationId, details, hmac(unhashed),
        previousHash, KEYED);
  }

  /** The first broken link among {@code ordered} rows that follow {@code previous}, if any. */
  public Optional<Break> firstBreak(Link previous, List<AuditRecord> ordered) {
    Link expected = previous;
    for (AuditRecord row : ordered) {
      if (!row.previousHash().equals(expected.hash())) {
        return Optional.of(new Break(row.seq(), "previous hash does not match the row before (a row was removed or reordered)"));
      }
      if (row.hashVersion() == LEGACY && expected.version() == KEYED) {
        return Optional.of(new Break(row.seq(), "an unkeyed row after a keyed one (a row was rewritten)"));
      }
      String hash = switch (row.hashVersion()) {
        case LEGACY -> legacyHash(row);
        case KEYED -> hmac(row);
        default -> null;
      };
      if (!row.contentHash().equals(hash)) {
        return Optional.of(new Break(row.seq(), "content does not match its hash (the row was changed)"));
      }
      expected = new Link(row.contentHash(), row.hashVersion());
    }
    return Optional.empty();
  }

  String hmac(AuditRecord r) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(AuditCanonicalJson.of(r).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Version 1, kept only to verify rows written before version 2. */
  static String legacyHash(AuditRecord r) {
    String canonical = String.join("\u001f", r.previousHash(), r.messageId().toString(), r.service(), r.actor(), r.action(),
        String.valueOf(r.resource()), r.outcome(), r.at().truncatedTo(ChronoUnit.MICROS).toString(),
        String.valueOf(r.correlationId()), new TreeMap<>(r.details()).toString());
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
