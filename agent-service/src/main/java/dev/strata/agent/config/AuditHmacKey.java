package dev.strata.agent.config;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Reads the audit chain's HMAC key, refusing to start without a real one. */
final class AuditHmacKey {

  static final int MIN_BYTES = 32;

  private AuditHmacKey() {}

  /** The key's bytes; fails naming the setting when it is missing, a placeholder or too short. */
  static byte[] require(Optional<String> configured) {
    String key = configured.map(String::strip).orElse("");
    if (key.isEmpty() || key.toUpperCase(Locale.ROOT).contains("REPLACE-ME")) {
      throw new IllegalStateException("STRATA_AUDIT_HMAC_KEY (agent.audit.hmac-key) is not set: the audit log needs a secret key "
          + "of at least " + MIN_BYTES + " bytes, e.g. `openssl rand -base64 48`");
    }
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_BYTES) {
      throw new IllegalStateException("STRATA_AUDIT_HMAC_KEY (agent.audit.hmac-key) is shorter than " + MIN_BYTES + " bytes");
    }
    return bytes;
  }
}
