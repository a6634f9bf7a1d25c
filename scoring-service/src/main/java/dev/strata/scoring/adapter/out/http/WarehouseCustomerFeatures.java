package dev.strata.scoring.adapter.out.http;

import dev.strata.kernel.api.CustomerFeatures;
import dev.strata.scoring.domain.customer.CustomerFeatureSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Gold customer features over warehouse-service's REST API ({@link WarehouseCalls}: retried, timed out and
 * behind a circuit breaker). The client blocks, so every call completes on the executor this adapter is given.
 */
public class WarehouseCustomerFeatures implements CustomerFeatureSource {

  /** How long an open circuit refuses calls before it lets a trial through; callers are told to wait as long. */
  public static final long BREAKER_DELAY_SECONDS = 10;

  private final WarehouseCalls calls;
  private final Executor executor;

  public WarehouseCustomerFeatures(WarehouseCalls calls, Executor executor) {
    this.calls = calls;
    this.executor = executor;
  }

  @Override
  public CompletionStage<CustomerFeatures> byIds(List<String> customerIds) {
    return CompletableFuture.supplyAsync(() -> calls.byIds(customerIds), executor);
  }

  @Override
  public CompletionStage<CustomerFeatures> active(String cursor, int limit) {
    return CompletableFuture.supplyAsync(() -> calls.active(cursor, limit), executor);
  }

  @Override
  public CompletionStage<CustomerFeatures> all(String cursor, int limit) {
    return CompletableFuture.supplyAsync(() -> calls.all(cursor, limit), executor);
  }
}
