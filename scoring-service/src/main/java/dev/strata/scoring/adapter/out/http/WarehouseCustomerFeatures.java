package dev.strata.scoring.adapter.out.http;

import dev.strata.kernel.api.CustomerFeatureQuery;
import dev.strata.kernel.api.CustomerFeatures;
import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.customer.CustomerFeatureSource;
import dev.strata.scoring.domain.customer.CustomerFeaturesRefused;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Gold customer features over warehouse-service's REST API. Reads are idempotent, so a failed
 * call is retried; a warehouse that keeps failing opens the circuit so scoring fails fast. A
 * refusal of the request itself (a 4xx) is neither retried nor counted against warehouse: one
 * caller's bad request must not cut every other caller off.
 */
@ApplicationScoped
public class WarehouseCustomerFeatures implements CustomerFeatureSource {

  /** How long an open circuit refuses calls before it lets a trial through; callers are told to wait as long. */
  public static final long BREAKER_DELAY_SECONDS = 10;

  private final WarehouseApi api;

  public WarehouseCustomerFeatures(@RestClient WarehouseApi api) {
    this.api = api;
  }

  @Override
  @Timeout(30_000)
  @Retry(maxRetries = 2, delay = 250, abortOn = {DomainException.class, CustomerFeaturesRefused.class})
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = BREAKER_DELAY_SECONDS, delayUnit = ChronoUnit.SECONDS,
      skipOn = {DomainException.class, CustomerFeaturesRefused.class})
  public CustomerFeatures byIds(List<String> customerIds) {
    return api.search(new CustomerFeatureQuery(customerIds));
  }

  @Override
  @Timeout(30_000)
  @Retry(maxRetries = 2, delay = 250, abortOn = {DomainException.class, CustomerFeaturesRefused.class})
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = BREAKER_DELAY_SECONDS, delayUnit = ChronoUnit.SECONDS,
      skipOn = {DomainException.class, CustomerFeaturesRefused.class})
  public CustomerFeatures active(String cursor, int limit) {
    return api.page(true, limit, cursor);
  }

  @Override
  @Timeout(30_000)
  @Retry(maxRetries = 2, delay = 250, abortOn = {DomainException.class, CustomerFeaturesRefused.class})
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = BREAKER_DELAY_SECONDS, delayUnit = ChronoUnit.SECONDS,
      skipOn = {DomainException.class, CustomerFeaturesRefused.class})
  public CustomerFeatures all(String cursor, int limit) {
    return api.page(null, limit, cursor);
  }
}
