package dev.strata.scoring.domain.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromotionGateTest {

  private final PromotionGate gate = new PromotionGate(0.80);

  @Test
  void aVersionAtOrAboveTheMinimumAucIsAdmitted() {
    assertThat(gate.admits(Map.of("auc", 0.80))).isTrue();
    assertThat(gate.admits(Map.of("auc", 0.91))).isTrue();
  }

  @Test
  void aVersionBelowTheMinimumOrWithoutAnAucIsNot() {
    assertThat(gate.admits(Map.of("auc", 0.7999))).isFalse();
    assertThat(gate.admits(Map.of("log_loss", 0.3))).isFalse();
    assertThat(gate.admits(Map.of("auc", Double.NaN))).isFalse();
  }
}
