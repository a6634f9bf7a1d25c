package dev.strata.warehouse.domain.customer;

import java.util.ArrayList;
import java.util.List;

/**
 * The numeric encoding of a customer for scoring. The order of {@link #NAMES} is a contract with
 * scoring-service (models are trained on it): append new features, never reorder.
 */
public final class FeatureEncoding {

  public static final List<String> NAMES = List.of(
      "tenure", "monthly_charges", "total_charges", "total_charges_missing",
      "female", "senior_citizen", "partner", "dependents", "phone_service", "multiple_lines", "paperless_billing",
      "internet_dsl", "internet_fiber_optic", "internet_none",
      "online_security", "online_backup", "device_protection", "tech_support", "streaming_tv", "streaming_movies",
      "contract_month_to_month", "contract_one_year", "contract_two_year",
      "payment_electronic_check", "payment_mailed_check", "payment_bank_transfer", "payment_credit_card",
      "usage_events_7d", "usage_events_30d", "usage_events_90d",
      "usage_quantity_7d", "usage_quantity_30d", "usage_quantity_90d");

  private FeatureEncoding() {}

  /** The values in the order of {@link #NAMES}; an unknown total charge counts as 0 and flags. */
  public static List<Double> encode(Customer c, UsageSummary u) {
    List<Double> v = new ArrayList<>(NAMES.size());
    v.add((double) c.tenure());
    v.add(c.monthlyCharges());
    v.add(c.totalCharges() == null ? 0.0 : c.totalCharges());
    v.add(flag(c.totalCharges() == null));
    for (boolean b : new boolean[] {c.female(), c.seniorCitizen(), c.partner(), c.dependents(), c.phoneService(),
        "Yes".equals(c.multipleLines()), c.paperlessBilling()}) {
      v.add(flag(b));
    }
    v.add(flag("DSL".equals(c.internetService())));
    v.add(flag("Fiber optic".equals(c.internetService())));
    v.add(flag("No".equals(c.internetService())));
    for (String addOn : new String[] {c.onlineSecurity(), c.onlineBackup(), c.deviceProtection(), c.techSupport(),
        c.streamingTv(), c.streamingMovies()}) {
      v.add(flag("Yes".equals(addOn)));
    }
    v.add(flag("Month-to-month".equals(c.contract())));
    v.add(flag("One year".equals(c.contract())));
    v.add(flag("Two year".equals(c.contract())));
    v.add(flag("Electronic check".equals(c.paymentMethod())));
    v.add(flag("Mailed check".equals(c.paymentMethod())));
    v.add(flag("Bank transfer (automatic)".equals(c.paymentMethod())));
    v.add(flag("Credit card (automatic)".equals(c.paymentMethod())));
    v.add(u.events7d());
    v.add(u.events30d());
    v.add(u.events90d());
    v.add(u.quantity7d());
    v.add(u.quantity30d());
    v.add(u.quantity90d());
    return v;
  }

  private static double flag(boolean value) {
    return value ? 1.0 : 0.0;
  }
}
