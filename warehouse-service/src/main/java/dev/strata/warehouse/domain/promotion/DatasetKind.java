package dev.strata.warehouse.domain.promotion;

import dev.strata.kernel.messaging.contract.DatasetIdentity;
import java.util.Arrays;
import java.util.Optional;

/**
 * The bronze datasets this warehouse knows how to promote, by (domain, dataset). Any source
 * counts: bars come from {@code producer} and {@code alpaca} alike.
 */
public enum DatasetKind {
  BARS("market", "bars"),
  USAGE("customer", "usage");

  private final String domain;
  private final String dataset;

  DatasetKind(String domain, String dataset) {
    this.domain = domain;
    this.dataset = dataset;
  }

  public String domain() {
    return domain;
  }

  public String dataset() {
    return dataset;
  }

  public static Optional<DatasetKind> of(DatasetIdentity identity) {
    return of(identity.domain(), identity.dataset());
  }

  public static Optional<DatasetKind> of(String domain, String dataset) {
    return Arrays.stream(values()).filter(kind -> kind.domain.equals(domain) && kind.dataset.equals(dataset)).findFirst();
  }
}
