package dev.strata.warehouse.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.kernel.messaging.contract.DatasetIdentity;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import dev.strata.warehouse.domain.ledger.Watermark;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarkTest {

  private static FileIngestion file(DatasetIdentity id, String from, String to) {
    return new FileIngestion("run", from, id, Instant.parse(from), Instant.parse(to), 1, "sha", "p", Instant.EPOCH, "bronze");
  }

  @Test
  void watermarksSpanTheCoverageOfEachIdentityWithNullPartsAsEmpty() {
    var usage = DatasetIdentity.usage();
    var bars = DatasetIdentity.bars("producer", "1d", "AAPL");
    var files = List.of(
        file(usage, "2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z"),
        file(usage, "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"),
        file(bars, "2024-01-01T00:00:00Z", "2024-01-05T00:00:00Z"));

    assertThat(Watermark.serializeAll(Watermark.spanning(files))).isEqualTo(
        "customer|events|usage||@coverage_from=2024-01-01T00:00:00Z;coverage_to=2024-01-03T00:00:00Z,"
            + "market|producer|bars|1d|AAPL@coverage_from=2024-01-01T00:00:00Z;coverage_to=2024-01-05T00:00:00Z");
  }
}
