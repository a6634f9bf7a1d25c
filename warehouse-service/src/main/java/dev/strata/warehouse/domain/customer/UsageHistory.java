package dev.strata.warehouse.domain.customer;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** A customer's usage events from silver. */
@FunctionalInterface
public interface UsageHistory {

  /** Events with {@code from ≤ ts < to}, oldest first, at most {@code limit}. */
  CompletionStage<List<UsageRecord>> between(String customerId, Instant from, Instant to, int limit);
}
