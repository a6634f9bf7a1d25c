package dev.strata.scoring.adapter.out.http;

import dev.strata.kernel.api.CustomerFeatures;
import dev.strata.scoring.domain.customer.CustomerFeatureSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Gold customer features over warehouse-service's REST API. Reads are idempotent, so a failed
 * call is retried; a warehouse that keeps failing opens the circuit so scoring fails fast.
 */
@ApplicationScoped
public class WarehouseCustomerFeatures implements CustomerFeatureSource {

  private final WarehouseApi api;

  public WarehouseCustomerFeatures(@RestClient WarehouseApi api) {
    this.api = api;
  }

  @Override
  @Timeout(30_000)
  @Retry(maxRetries = 2, delay = 250)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
  public CustomerFeatures byIds(List<String> customerIds) {
    return api.customerFeatures(customerIds, null, customerIds.size(), null);
  }

  @Override
  @Timeout(30_000)
  @Retry(maxRetries = 2, delay = 250)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
  public CustomerFeatures active(String cursor, int limit) {
    return api.customerFeatures(null, true, limit, cursor);
  }

  @Override
  @Timeout(30_000)
  @Retry(maxRetries = 2, delay = 250)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
  public CustomerFeatures all(String cursor, int limit) {
    return api.customerFeatures(null, null, limit, cursor);
  }
}
