package dev.strata.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditHmacKeyTest {

  @Test
  void aMissingPlaceholderOrShortKeyStopsTheStartNamingTheSetting() {
    for (Optional<String> key : java.util.List.of(Optional.<String>empty(), Optional.of(" "), Optional.of("REPLACE-ME"),
        Optional.of("replace-me-with-a-long-random-secret-value"), Optional.of("too-short"))) {
      assertThatThrownBy(() -> AuditHmacKey.require(key)).isInstanceOf(IllegalStateException.class).hasMessageContaining("STRATA_AUDIT_HMAC_KEY");
    }
  }

  @Test
  void aRealKeyIsUsed() {
    assertThat(AuditHmacKey.require(Optional.of("k3J9x0QwZr8sV2nLm5pT7yB1cD4fG6hJ"))).hasSize(32);
  }
}
