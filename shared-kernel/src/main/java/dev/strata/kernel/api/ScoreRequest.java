package dev.strata.kernel.api;

import java.util.List;

/** {@code POST /scores/customers}: the given ids, or every active customer when {@code all}. */
public record ScoreRequest(List<String> customerIds, boolean all) {

  public ScoreRequest {
    customerIds = customerIds == null ? List.of() : List.copyOf(customerIds);
  }
}
