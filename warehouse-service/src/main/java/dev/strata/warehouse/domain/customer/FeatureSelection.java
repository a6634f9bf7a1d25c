package dev.strata.warehouse.domain.customer;

import java.util.List;

/**
 * Which customers' features to read: the given ids, or the active ones, or all; a page of
 * {@code limit} ordered by id after {@code afterId}.
 */
public record FeatureSelection(List<String> customerIds, boolean activeOnly, int limit, String afterId) {

  public FeatureSelection {
    customerIds = List.copyOf(customerIds);
  }
}
