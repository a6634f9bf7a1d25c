package dev.strata.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.ingest.domain.bar.BarPartition;
import dev.strata.ingest.domain.bar.Frame;
import dev.strata.ingest.domain.bar.ValidBar;
import dev.strata.ingest.domain.lake.Aggregation;
import dev.strata.kernel.error.DomainException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameAndPartitionTest {

  @Test
  void intradayBarsArePartitionedByUtcDayAndDailyBarsByYear() {
    Instant ts = Instant.parse("2008-09-15T23:59:00Z");
    assertThat(Frame.of("1m").partitionOf(ts)).isEqualTo("2008-09-15");
    assertThat(Frame.of("1h").partitionOf(ts)).isEqualTo("2008-09-15");
    assertThat(Frame.of("1d").partitionOf(ts)).isEqualTo("2008");
  }

  @Test
  void barsAcrossYearsSplitIntoOneFolderPerYearInOrder() {
    var bars = List.of(bar("2001-12-31T00:00:00Z"), bar("2002-01-02T00:00:00Z"), bar("2002-01-03T00:00:00Z"));
    var partitions = BarPartition.split("SPX", Frame.of("1d"), bars);
    assertThat(partitions.keySet()).extracting(BarPartition::folder)
        .containsExactly("frame=1d/symbol=SPX/date=2001", "frame=1d/symbol=SPX/date=2002");
  }

  @Test
  void minuteBarsSplitAtUtcMidnightEvenWhenTheyComeBackToAnEarlierDay() {
    var bars = List.of(bar("2023-03-12T23:58:00Z"), bar("2023-03-12T23:59:00Z"), bar("2023-03-13T00:00:00Z"),
        bar("1969-12-31T23:59:00Z"), bar("2023-03-12T00:00:00Z"));
    var partitions = BarPartition.split("ETH", Frame.of("1m"), bars);
    assertThat(partitions.keySet()).extracting(BarPartition::date).containsExactly("1969-12-31", "2023-03-12", "2023-03-13");
    assertThat(partitions.values()).extracting(List::size).containsExactly(1, 3, 1);
    assertThat(partitions.get(new BarPartition(Frame.of("1m"), "ETH", "2023-03-12")).getLast().ts())
        .isEqualTo(Instant.parse("2023-03-12T00:00:00Z"));
  }

  @Test
  void namesThatCouldEscapeTheLakeRootAreRefused() {
    assertThatThrownBy(() -> new BarPartition(Frame.of("1d"), "../etc", "2001")).isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> Frame.of("1d/..")).isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> new BarPartition(Frame.of("1d"), "spx", "2001")).isInstanceOf(DomainException.Invalid.class);
  }

  @Test
  void minuteBarsRollUpToWholeMultiplesAndToTheDailySessionOnly() {
    assertThat(Aggregation.of(Frame.of("1m"), "5m")).hasValueSatisfying(a -> assertThat(a.session()).isFalse());
    assertThat(Aggregation.of(Frame.of("1m"), "1d")).hasValueSatisfying(a -> assertThat(a.session()).isTrue());
    assertThat(Aggregation.of(Frame.of("5m"), null)).isEmpty();
    assertThatThrownBy(() -> Aggregation.of(Frame.of("5m"), "7m")).isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> Aggregation.of(Frame.of("1d"), "1h")).isInstanceOf(DomainException.Invalid.class);
  }

  private static ValidBar bar(String ts) {
    return new ValidBar(Instant.parse(ts), 1, 1, 1, 1, 1, false);
  }
}
