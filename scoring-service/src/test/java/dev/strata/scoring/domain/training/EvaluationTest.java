package dev.strata.scoring.domain.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  private static List<LabeledRow> labels(boolean... churned) {
    return java.util.stream.IntStream.range(0, churned.length)
        .mapToObj(i -> new LabeledRow("C" + i, new double[0], churned[i] ? 1 : 0, churned[i])).toList();
  }

  @Test
  void aScoreThatPutsEveryChurnerAboveEveryStayerHasAnAucOfOne() {
    assertThat(Evaluation.auc(new double[] {0.1, 0.2, 0.8, 0.9}, labels(false, false, true, true))).isEqualTo(1.0);
  }

  @Test
  void aScoreThatRanksChurnersBackwardsHasAnAucOfZeroAndTiesCountHalf() {
    assertThat(Evaluation.auc(new double[] {0.9, 0.8, 0.2, 0.1}, labels(false, false, true, true))).isEqualTo(0.0);
    assertThat(Evaluation.auc(new double[] {0.5, 0.5, 0.5, 0.5}, labels(false, true, false, true))).isEqualTo(0.5);
  }

  @Test
  void perfectlyCalibratedConfidentPredictionsHaveNoCalibrationErrorAndLowLogLoss() {
    var metrics = Evaluation.classifier(new double[] {0.0, 0.0, 1.0, 1.0}, labels(false, false, true, true));
    assertThat(metrics.get("calibration_error")).isCloseTo(0.0, within(1e-9));
    assertThat(metrics.get("log_loss")).isLessThan(1e-6);
  }

  @Test
  void aRegressorThatPredictsTheTargetExactlyExplainsAllVariance() {
    var rows = List.of(new LabeledRow("a", new double[0], 0, false), new LabeledRow("b", new double[0], 70, true));
    var metrics = Evaluation.regressor(new double[] {0, 70}, rows);
    assertThat(metrics.get("r2")).isEqualTo(1.0);
    assertThat(metrics.get("rmse")).isEqualTo(0.0);
  }
}
