package dev.strata.kernel.api;

import java.util.List;

/**
 * {@code POST /customer-features/search}: the customers to read features for, by id. The ids travel
 * in the body because a query string of a thousand ids is longer than any HTTP server accepts.
 *
 * @param customerIds at most the warehouse's page limit (10,000); unknown ids are left out of the answer
 */
public record CustomerFeatureQuery(List<String> customerIds) {

  public CustomerFeatureQuery {
    customerIds = customerIds == null ? List.of() : List.copyOf(customerIds);
  }
}
