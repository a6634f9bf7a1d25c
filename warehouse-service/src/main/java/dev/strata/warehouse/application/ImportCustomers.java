package dev.strata.warehouse.application;

import dev.strata.kernel.error.DomainException;
import dev.strata.warehouse.domain.customer.Customer;
import dev.strata.warehouse.domain.customer.Customers;
import io.smallrye.mutiny.Uni;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/** {@code POST /customers/import} and {@code PUT /customers/{id}}: upserts customers in one transaction. */
public class ImportCustomers {

  private final Customers customers;
  private final Executor blocking;

  public ImportCustomers(Customers customers, Executor blocking) {
    this.customers = customers;
    this.blocking = blocking;
  }

  /** Upserts all of them or none; a customer id twice in one import is invalid. */
  public Uni<Integer> run(List<Customer> batch) {
    Set<String> seen = new HashSet<>();
    for (Customer customer : batch) {
      if (!seen.add(customer.customerId())) {
        return Uni.createFrom().failure(new DomainException.Invalid("customer " + customer.customerId() + " appears twice"));
      }
    }
    return Uni.createFrom().item(() -> customers.upsertAll(batch)).runSubscriptionOn(blocking);
  }
}
