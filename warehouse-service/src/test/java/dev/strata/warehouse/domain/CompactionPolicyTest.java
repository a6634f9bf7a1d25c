package dev.strata.warehouse.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.kernel.messaging.contract.DatasetIdentity;
import dev.strata.warehouse.domain.compaction.CompactionGroup;
import dev.strata.warehouse.domain.compaction.CompactionPolicy;
import dev.strata.warehouse.domain.compaction.LakeFile;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactionPolicyTest {

  private final CompactionPolicy policy = new CompactionPolicy(3, 1000, Duration.ofHours(24));

  private static LakeFile file(String path, String source, long bytes) {
    return new LakeFile(new FileIngestion("run", path, DatasetIdentity.bars(source, "1m", "AAPL"), null, null, 1, "sha", path,
        Instant.EPOCH, FileIngestion.PROMOTED), bytes);
  }

  @Test
  void aGroupIsThePartitionsSmallFilesOfOneIdentityWhenThereAreEnoughOfThem() {
    List<CompactionGroup> groups = policy.groups(List.of(
        file("frame=1m/symbol=AAPL/date=2024-07-01/a.parquet", "producer", 10),
        file("frame=1m/symbol=AAPL/date=2024-07-01/b.parquet", "producer", 10),
        file("frame=1m/symbol=AAPL/date=2024-07-01/big.parquet", "producer", 5000),
        file("frame=1m/symbol=AAPL/date=2024-07-01/c.parquet", "producer", 999),
        file("frame=1m/symbol=AAPL/date=2024-07-01/d.parquet", "alpaca", 10),
        file("frame=1m/symbol=AAPL/date=2024-07-02/e.parquet", "producer", 10),
        file("frame=1m/symbol=AAPL/date=2024-07-02/f.parquet", "producer", 10)));

    assertThat(groups).singleElement().satisfies(group -> {
      assertThat(group.partition()).isEqualTo("frame=1m/symbol=AAPL/date=2024-07-01");
      assertThat(group.identity().source()).isEqualTo("producer");
      assertThat(group.files()).extracting(f -> f.entry().fileId()).containsExactly(
          "frame=1m/symbol=AAPL/date=2024-07-01/a.parquet", "frame=1m/symbol=AAPL/date=2024-07-01/b.parquet",
          "frame=1m/symbol=AAPL/date=2024-07-01/c.parquet");
    });
  }

  @Test
  void theScheduledJobTakesOnlyFilesOlderThanTheMinimumAgeAndFewerThanTwoFilesAreNoPolicy() {
    assertThat(policy.receivedBefore(Instant.parse("2024-07-02T12:00:00Z"))).isEqualTo(Instant.parse("2024-07-01T12:00:00Z"));
    assertThatThrownBy(() -> new CompactionPolicy(1, 1000, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
