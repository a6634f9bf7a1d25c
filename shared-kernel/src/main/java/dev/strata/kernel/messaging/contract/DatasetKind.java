package dev.strata.kernel.messaging.contract;

/**
 * The datasets ingest lands ({@link DatasetIdentity#bars}, {@link DatasetIdentity#usage}), told
 * apart by (domain, dataset). Any source counts: bars come from {@code producer} and
 * {@code alpaca} alike.
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

  boolean names(DatasetIdentity identity) {
    return domain.equals(identity.domain()) && dataset.equals(identity.dataset());
  }
}
