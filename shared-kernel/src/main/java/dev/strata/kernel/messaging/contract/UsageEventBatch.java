package dev.strata.kernel.messaging.contract;

import java.util.List;

/** {@code ingest.usage}: a batch of usage events; {@code jobId} as for {@link BarBatch}. */
public record UsageEventBatch(List<UsageEvent> events, String jobId) {

  public UsageEventBatch {
    events = events == null ? List.of() : List.copyOf(events);
  }
}
