package dev.strata.scoring.adapter.out.http;

import dev.strata.kernel.api.CustomerFeatureQuery;
import dev.strata.kernel.api.CustomerFeatures;
import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.customer.CustomerFeaturesRefused;
import dev.strata.scoring.domain.customer.CustomerFeaturesUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Gold customer features over warehouse-service's REST API, the blocking calls behind
 * {@link WarehouseCustomerFeatures}. Reads are idempotent, so a failed call is retried; a warehouse
 * that keeps failing opens the circuit so scoring fails fast. A refusal of the request itself (a 4xx) is neither retried nor counted against warehouse: one
 * caller's bad request must not cut every other caller off. While the circuit is open a call fails at once
 * with {@link CustomerFeaturesUnavailable}, which says when to try again.
 */
@ApplicationScoped
public class WarehouseCalls {

  private static final long BREAKER_DELAY_SECONDS = WarehouseCustomerFeatures.BREAKER_DELAY_SECONDS;

  private final WarehouseApi api;

  public WarehouseCalls(@RestClient WarehouseApi api) {
    this.api = api;
  }

  @Fallback(value = OpenCircuit.class, applyOn = CircuitBreakerOpenException.class)
  @Timeout(30_000)
  @Retry(maxRetries = 2, delay = 250, abortOn = {DomainException.class, CustomerFeaturesRefused.class})
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = BREAKER_DELAY_SECONDS, delayUnit = ChronoUnit.SECONDS,
      skipOn = {DomainException.class, CustomerFeaturesRefused.class})
  public CustomerFeatures byIds(List<String> customerIds) {
    return api.search(new CustomerFeatureQuery(customerIds));
  }

  @Fallback(value = OpenCircuit.class, applyOn = CircuitBreakerOpenException.class)
  @Timeout(30_000)
  @Retry(maxRetries = 2, delay = 250, abortOn = {DomainException.class, CustomerFeaturesRefused.class})
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = BREAKER_DELAY_SECONDS, delayUnit = ChronoUnit.SECONDS,
      skipOn = {DomainException.class, CustomerFeaturesRefused.class})
  public CustomerFeatures active(String cursor, int limit) {
    return api.page(true, limit, cursor);
  }

  @Fallback(value = OpenCircuit.class, applyOn = CircuitBreakerOpenException.class)
  @Timeout(30_000)
  @Retry(maxRetries = 2, delay = 250, abortOn = {DomainException.class, CustomerFeaturesRefused.class})
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = BREAKER_DELAY_SECONDS, delayUnit = ChronoUnit.SECONDS,
      skipOn = {DomainException.class, CustomerFeaturesRefused.class})
  public CustomerFeatures all(String cursor, int limit) {
    return api.page(null, limit, cursor);
  }

  /** An open circuit as the domain's {@link CustomerFeaturesUnavailable}. */
  public static class OpenCircuit implements FallbackHandler<CustomerFeatures> {

    @Override
    public CustomerFeatures handle(ExecutionContext context) {
      throw new CustomerFeaturesUnavailable(Duration.ofSeconds(BREAKER_DELAY_SECONDS),
          "warehouse-service failed repeatedly and is given time to recover");
    }
  }
}
