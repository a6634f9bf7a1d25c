package dev.strata.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.ingest.domain.bar.BarPolicies;
import dev.strata.ingest.domain.bar.BarValidation;
import dev.strata.ingest.domain.bar.Frame;
import dev.strata.ingest.domain.bar.RejectedRow;
import dev.strata.ingest.domain.bar.ValidationMode;
import dev.strata.kernel.messaging.contract.Bar;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarPoliciesTest {

  private static final Frame MINUTE = Frame.of("1m");
  private static final Instant T0 = Instant.parse("2024-03-01T14:30:00Z");

  private static Bar bar(Instant ts, Double open, Double high, Double low, Double close, Double volume) {
    return new Bar(ts, open, high, low, close, volume);
  }

  private static Bar good(int minute) {
    return bar(T0.plusSeconds(60L * minute), 10.0, 11.0, 9.0, 10.5, 100.0);
  }

  private static RejectedRow onlyRejection(Bar... bars) {
    BarValidation validation = BarValidation.of(List.of(bars), MINUTE, BarPolicies.ALL);
    assertThat(validation.rejected()).hasSize(1);
    return validation.rejected().getFirst();
  }

  @Test
  void aBarMissingAnyFieldIsRejectedAsRequiredFields() {
    assertThat(onlyRejection(good(0), bar(T0.plusSeconds(60), 10.0, 11.0, 9.0, 10.5, null)).policy()).isEqualTo("required-fields");
    assertThat(onlyRejection(bar(null, 10.0, 11.0, 9.0, 10.5, 1.0)).policy()).isEqualTo("required-fields");
  }

  @Test
  void aNonFinitePriceIsRejected() {
    assertThat(onlyRejection(bar(T0, Double.NaN, 11.0, 9.0, 10.5, 1.0)).policy()).isEqualTo("finite-numbers");
  }

  @Test
  void aZeroOrNegativePriceIsRejected() {
    assertThat(onlyRejection(bar(T0, 0.0, 11.0, 0.0, 10.5, 1.0)).policy()).isEqualTo("positive-prices");
  }

  @Test
  void aLowAboveTheOpenOrCloseIsRejected() {
    assertThat(onlyRejection(bar(T0, 10.0, 11.0, 10.2, 10.5, 1.0)).policy()).isEqualTo("low-is-lowest");
  }

  @Test
  void aHighBelowTheOpenOrCloseIsRejected() {
    assertThat(onlyRejection(bar(T0, 10.0, 10.4, 9.0, 10.5, 1.0)).policy()).isEqualTo("high-is-highest");
  }

  @Test
  void aNegativeVolumeIsRejectedButZeroVolumeIsKept() {
    assertThat(onlyRejection(bar(T0, 10.0, 11.0, 9.0, 10.5, -1.0)).policy()).isEqualTo("non-negative-volume");
    assertThat(BarValidation.of(List.of(bar(T0, 10.0, 11.0, 9.0, 10.5, 0.0)), MINUTE, BarPolicies.ALL).rejected()).isEmpty();
  }

  @Test
  void aTimestampThatDoesNotMoveForwardIsRejectedWithItsRowNumber() {
    RejectedRow rejection = onlyRejection(good(0), good(1), good(1));
    assertThat(rejection.policy()).isEqualTo("strictly-increasing-ts");
    assertThat(rejection.row()).isEqualTo(2);
  }

  @Test
  void aOneMinuteBarMustStartOnAWholeMinuteWhileADailyBarNeedNot() {
    Bar offMinute = bar(T0.plusSeconds(30), 10.0, 11.0, 9.0, 10.5, 1.0);
    assertThat(onlyRejection(offMinute).policy()).isEqualTo("minute-aligned");
    assertThat(BarValidation.of(List.of(offMinute), Frame.of("1d"), BarPolicies.ALL).rejected()).isEmpty();
  }

  @Test
  void aMoveOfMoreThanHalfIsFlaggedAsAnOutlierNotRejected() {
    Bar jump = bar(T0.plusSeconds(60), 10.0, 16.0, 9.0, 15.9, 1.0);
    BarValidation validation = BarValidation.of(List.of(good(0), jump), MINUTE, BarPolicies.ALL);
    assertThat(validation.rejected()).isEmpty();
    assertThat(validation.accepted()).extracting(bar -> bar.outlier()).containsExactly(false, true);
  }

  @Test
  void rejectBatchLandsNothingWhenOneRowIsBadAndDropBadRowsLandsTheRest() {
    BarValidation validation = BarValidation.of(List.of(good(0), bar(T0.plusSeconds(60), -1.0, 1.0, 1.0, 1.0, 1.0), good(2)),
        MINUTE, BarPolicies.ALL);
    assertThat(validation.landing(ValidationMode.REJECT_BATCH)).isEmpty();
    assertThat(validation.landing(ValidationMode.DROP_BAD_ROWS)).hasSize(2);
  }
}
