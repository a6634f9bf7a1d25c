package dev.strata.scoring.domain.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionGateTest {

  private final PromotionGate gate = new PromotionGate(0.80);

  private boolean promotes(Map<String, Double> candidate, Incumbent champion) {
    return gate.decide(candidate, Optional.ofNullable(champion)).promote();
  }

  @Test
  void withoutAChampionAVersionAtOrAboveTheFloorIsPromoted() {
    assertThat(promotes(Map.of("auc", 0.80), null)).isTrue();
    assertThat(promotes(Map.of("auc", 0.91), null)).isTrue();
  }

  @Test
  void aVersionBelowTheFloorOrWithoutAnAucIsNeverPromoted() {
    assertThat(promotes(Map.of("auc", 0.7999), null)).isFalse();
    assertThat(promotes(Map.of("log_loss", 0.3), null)).isFalse();
    assertThat(promotes(Map.of("auc", Double.NaN), null)).isFalse();
    assertThat(promotes(Map.of("auc", 0.79), new Incumbent("1", Map.of("auc", 0.60)))).isFalse();
  }

  @Test
  void aVersionAboveTheFloorMustBeatTheChampionOnTheSameHeldOutRows() {
    assertThat(promotes(Map.of("auc", 0.85), new Incumbent("3", Map.of("auc", 0.84)))).isTrue();
    assertThat(promotes(Map.of("auc", 0.85), new Incumbent("3", Map.of("auc", 0.86)))).isFalse();
  }

  @Test
  void aRetrainThatIsOnlyAsGoodAsTheChampionDoesNotReplaceIt() {
    var decision = gate.decide(Map.of("auc", 0.85), Optional.of(new Incumbent("3", Map.of("auc", 0.85))));
    assertThat(decision.promote()).isFalse();
    assertThat(decision.reason()).contains("does not beat champion version 3");
  }

  @Test
  void aChampionThatCannotBeEvaluatedOnTheCurrentFeaturesLosesToAVersionAboveTheFloor() {
    assertThat(promotes(Map.of("auc", 0.81), new Incumbent("3", Map.of()))).isTrue();
  }
}
