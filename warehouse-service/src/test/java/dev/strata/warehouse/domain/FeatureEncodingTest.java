package dev.strata.warehouse.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.warehouse.domain.customer.Customer;
import dev.strata.warehouse.domain.customer.FeatureEncoding;
import dev.strata.warehouse.domain.customer.UsageSummary;
import org.junit.jupiter.api.Test;

class FeatureEncodingTest {

  static Customer customer(String id, String contract, Double totalCharges) {
    return new Customer(id, true, false, true, false, 5, true, "Yes", "Fiber optic", "No", "Yes", "No",
        "No internet service", "No", "Yes", contract, true, "Electronic check", 70.5, totalCharges, false, null);
  }

  @Test
  void everyFeatureHasOneValueInTheDocumentedOrder() {
    var values = FeatureEncoding.encode(customer("C1", "Month-to-month", null), new UsageSummary(1, 2, 3, 4, 5, 6));
    var named = new java.util.LinkedHashMap<String, Double>();
    for (int i = 0; i < FeatureEncoding.NAMES.size(); i++) {
      named.put(FeatureEncoding.NAMES.get(i), values.get(i));
    }

    assertThat(values).hasSameSizeAs(FeatureEncoding.NAMES);
    assertThat(named).containsEntry("tenure", 5.0).containsEntry("total_charges", 0.0)
        .containsEntry("total_charges_missing", 1.0).containsEntry("internet_fiber_optic", 1.0)
        .containsEntry("internet_dsl", 0.0).containsEntry("contract_month_to_month", 1.0)
        .containsEntry("payment_electronic_check", 1.0).containsEntry("multiple_lines", 1.0)
        .containsEntry("usage_events_30d", 2.0).containsEntry("usage_quantity_90d", 6.0);
  }

  @Test
  void aChurnDateMakesTheCustomerChurnedAndInactive() {
    var churned = new Customer("C2", false, false, false, false, 1, true, "No", "DSL", "No", "No", "No", "No", "No",
        "No", "One year", false, "Mailed check", 20, 20.0, null, java.time.LocalDate.parse("2024-01-01"));

    assertThat(churned.churned()).isTrue();
    assertThat(churned.active()).isFalse();
    assertThat(customer("C3", "Two year", 1.0).active()).isTrue();
  }
}
