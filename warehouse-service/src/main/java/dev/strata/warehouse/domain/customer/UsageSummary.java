package dev.strata.warehouse.domain.customer;

/** A customer's usage aggregated from gold over the last 7, 30 and 90 days. */
public record UsageSummary(
    double events7d, double events30d, double events90d, double quantity7d, double quantity30d, double quantity90d) {

  public static final UsageSummary NONE = new UsageSummary(0, 0, 0, 0, 0, 0);
}
