package dev.strata.warehouse.domain.customer;

import java.util.List;
import java.util.Optional;

/** The customers the warehouse holds ({@code silver.customers}). */
public interface Customers {

  Optional<Customer> find(String customerId);

  /** Customers ordered by id after {@code afterId} (null: from the start). */
  List<Customer> list(boolean activeOnly, int limit, String afterId);

  /** A reservoir sample of {@code n} customers (1..100, already validated). */
  List<Customer> sample(int n);

  /** Inserts or replaces each customer, all in one transaction; returns how many. */
  int upsertAll(List<Customer> customers);
}
