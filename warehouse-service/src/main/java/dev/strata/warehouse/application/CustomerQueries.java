package dev.strata.warehouse.application;

import dev.strata.kernel.error.DomainException;
import dev.strata.warehouse.domain.customer.Customer;
import dev.strata.warehouse.domain.customer.Customers;
import dev.strata.warehouse.domain.customer.UsageHistory;
import dev.strata.warehouse.domain.customer.UsageRecord;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;

/** The read side of customers (churn-app parity): one customer, a page, a sample, their usage. */
public class CustomerQueries {

  public static final int MAX_PAGE = 10_000;
  public static final int MAX_SAMPLE = 100;

  private final Customers customers;
  private final UsageHistory usage;

  public CustomerQueries(Customers customers, UsageHistory usage) {
    this.customers = customers;
    this.usage = usage;
  }

  public Uni<Customer> find(String customerId) {
    Customer.requireId(customerId);
    return Async.uni(() -> customers.find(customerId))
        .map(found -> found.orElseThrow(() -> new DomainException.NotFound("no customer " + customerId)));
  }

  public Uni<List<Customer>> list(boolean activeOnly, int limit, String afterId) {
    if (afterId != null) {
      Customer.requireId(afterId);
    }
    return Async.uni(() -> customers.list(activeOnly, Math.clamp(limit, 1, MAX_PAGE), afterId));
  }

  /** A random sample; {@code n} is clamped to 1..100, as the churn app did. */
  public Uni<List<Customer>> sample(int n) {
    return Async.uni(() -> customers.sample(Math.clamp(n, 1, MAX_SAMPLE)));
  }

  public Uni<List<UsageRecord>> usage(String customerId, Instant from, Instant to, int limit) {
    Customer.requireId(customerId);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new DomainException.Invalid("'from' must be before 'to'");
    }
    Instant start = from == null ? Instant.EPOCH : from;
    Instant end = to == null ? Instant.parse("9999-12-31T00:00:00Z") : to;
    return Async.uni(() -> usage.between(customerId, start, end, Math.clamp(limit, 1, MAX_PAGE)));
  }
}
