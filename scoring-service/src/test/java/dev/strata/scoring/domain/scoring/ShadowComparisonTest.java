package dev.strata.scoring.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.scoring.domain.model.ModelTask;
import org.junit.jupiter.api.Test;

class ShadowComparisonTest {

  @Test
  void twoChurnProbabilitiesAgreeWhenTheyFallOnTheSameSideOfTheThreshold() {
    assertThat(ShadowComparison.agree(ModelTask.CLASSIFICATION, 0.51, 0.99)).isTrue();
    assertThat(ShadowComparison.agree(ModelTask.CLASSIFICATION, 0.10, 0.49)).isTrue();
    assertThat(ShadowComparison.agree(ModelTask.CLASSIFICATION, 0.49, 0.51)).isFalse();
  }

  @Test
  void twoRevenuesAtRiskAgreeWithinTenPercentOrWithinOneUnitNearZero() {
    assertThat(ShadowComparison.agree(ModelTask.REGRESSION, 100, 109)).isTrue();
    assertThat(ShadowComparison.agree(ModelTask.REGRESSION, 100, 120)).isFalse();
    assertThat(ShadowComparison.agree(ModelTask.REGRESSION, 0.0, 0.9)).isTrue();
    assertThat(ShadowComparison.agree(ModelTask.REGRESSION, 0.0, 5.0)).isFalse();
  }
}
