package dev.strata.warehouse.application;

import dev.strata.warehouse.domain.customer.Customer;
import dev.strata.warehouse.domain.customer.Customers;
import io.smallrye.mutiny.Uni;
import java.util.Iterator;

/** {@code POST /customers/import} and {@code PUT /customers/{id}}: upserts customers in one transaction. */
public class ImportCustomers {

  private final Customers customers;

  public ImportCustomers(Customers customers) {
    this.customers = customers;
  }

  /**
   * Upserts all of them or none; a customer id twice in one import is invalid. The customers are read
   * while they are written, so a reader that fails part-way (a bad line) rolls the whole import back.
   */
  public Uni<Integer> run(Iterator<Customer> batch) {
    return Async.uni(() -> customers.upsertAll(batch));
  }
}
