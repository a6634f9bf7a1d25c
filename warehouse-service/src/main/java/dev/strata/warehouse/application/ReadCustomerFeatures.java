package dev.strata.warehouse.application;

import dev.strata.kernel.api.CustomerFeatures;
import dev.strata.kernel.error.DomainException;
import dev.strata.warehouse.domain.customer.Customer;
import dev.strata.warehouse.domain.customer.CustomerFeatureSource;
import dev.strata.warehouse.domain.customer.CustomerUsage;
import dev.strata.warehouse.domain.customer.FeatureEncoding;
import dev.strata.warehouse.domain.customer.FeatureSelection;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * {@code GET /customer-features}: a page of encoded customers for scoring, keyset-paginated by
 * customer id (the cursor is the last id of the page).
 */
public class ReadCustomerFeatures {

  public static final int DEFAULT_LIMIT = 1000;
  public static final int MAX_LIMIT = 10_000;

  private final CustomerFeatureSource source;

  public ReadCustomerFeatures(CustomerFeatureSource source) {
    this.source = source;
  }

  public Uni<CustomerFeatures> run(List<String> customerIds, boolean activeOnly, int limit, String cursor) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new DomainException.Invalid("limit must be from 1 to " + MAX_LIMIT);
    }
    customerIds.forEach(Customer::requireId);
    if (cursor != null) {
      Customer.requireId(cursor);
    }
    // one row more than asked tells whether another page exists
    var selection = new FeatureSelection(customerIds, activeOnly, limit + 1, cursor);
    return Async.uni(() -> source.page(selection)).map(found -> page(found, limit));
  }

  private static CustomerFeatures page(List<CustomerUsage> found, int limit) {
    List<CustomerUsage> rows = found.size() > limit ? found.subList(0, limit) : found;
    String next = found.size() > limit ? rows.getLast().customer().customerId() : null;
    return new CustomerFeatures(FeatureEncoding.NAMES, rows.stream().map(ReadCustomerFeatures::row).toList(), next);
  }

  private static CustomerFeatures.Row row(CustomerUsage cu) {
    Customer c = cu.customer();
    return new CustomerFeatures.Row(c.customerId(), FeatureEncoding.encode(c, cu.usage()), c.churned(), c.monthlyCharges());
  }
}
