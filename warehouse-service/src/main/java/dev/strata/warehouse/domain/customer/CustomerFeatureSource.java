package dev.strata.warehouse.domain.customer;

import java.util.List;

/** Customers joined with their gold usage aggregates. */
@FunctionalInterface
public interface CustomerFeatureSource {

  List<CustomerUsage> page(FeatureSelection selection);
}
