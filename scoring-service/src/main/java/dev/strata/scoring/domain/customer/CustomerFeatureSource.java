package dev.strata.scoring.domain.customer;

import dev.strata.kernel.api.CustomerFeatures;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Gold customer features, owned by warehouse-service. Paged: pass the previous page's
 * {@code nextCursor} until it is null.
 */
public interface CustomerFeatureSource {

  /** Customers selected by id (unknown ids are absent from the answer). */
  CompletionStage<CustomerFeatures> byIds(List<String> customerIds);

  /** A page of active customers (those still with us), for scoring everyone. */
  CompletionStage<CustomerFeatures> active(String cursor, int limit);

  /** A page of every customer, labelled with whether they churned, for training. */
  CompletionStage<CustomerFeatures> all(String cursor, int limit);
}
