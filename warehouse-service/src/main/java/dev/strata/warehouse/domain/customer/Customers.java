package dev.strata.warehouse.domain.customer;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The customers the warehouse holds ({@code silver.customers}). */
public interface Customers {

  CompletionStage<Optional<Customer>> find(String customerId);

  /** Customers ordered by id after {@code afterId} (null: from the start). */
  CompletionStage<List<Customer>> list(boolean activeOnly, int limit, String afterId);

  /** A reservoir sample of {@code n} customers (1..100, already validated). */
  CompletionStage<List<Customer>> sample(int n);

  /**
   * Inserts or replaces each customer, all in one transaction, reading them as it goes (an import may
   * be larger than the heap); returns how many. Whatever {@code customers} throws, or a customer id
   * that appears twice ({@code DomainException.Invalid}), leaves the table as it was.
   */
  CompletionStage<Integer> upsertAll(Iterator<Customer> customers);
}
