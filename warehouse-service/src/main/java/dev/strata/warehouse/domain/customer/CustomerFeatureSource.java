package dev.strata.warehouse.domain.customer;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Customers joined with their gold usage aggregates. */
@FunctionalInterface
public interface CustomerFeatureSource {

  CompletionStage<List<CustomerUsage>> page(FeatureSelection selection);
}
