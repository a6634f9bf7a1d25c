package dev.strata.kernel.messaging.contract;

import java.util.List;

/**
 * {@code ingest.bars}: OHLCV bars of one symbol and frame. Rows are checked by ingest-service's
 * validation policies, so a row's fields may be missing here and are reported there.
 *
 * @param jobId optional; resubmitting the same job id is idempotent
 */
public record BarBatch(String symbol, String frame, List<Bar> bars, String jobId) {

  public BarBatch {
    bars = bars == null ? List.of() : List.copyOf(bars);
  }
}
