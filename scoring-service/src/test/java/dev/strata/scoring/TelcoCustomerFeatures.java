package dev.strata.scoring;

import dev.strata.kernel.api.CustomerFeatures;
import dev.strata.scoring.domain.customer.CustomerFeatureSource;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Stands in for warehouse-service's gold customer features in tests: 1,500 stratified Telco rows
 * (src/test/resources/telco-churn-slice.csv), one-hot encoded the way the gold layer serves them.
 * Warehouse is our own service, so it is not faked over HTTP; the REST adapter is covered by e2e.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TelcoCustomerFeatures implements CustomerFeatureSource {

  public static final List<String> FEATURES = List.of(
      "female", "senior_citizen", "partner", "dependents", "tenure", "phone_service", "paperless_billing",
      "monthly_charges", "total_charges", "multiple_lines_yes", "internet_fiber_optic", "internet_dsl",
      "online_security_yes", "online_backup_yes", "device_protection_yes", "tech_support_yes",
      "streaming_tv_yes", "streaming_movies_yes", "contract_one_year", "contract_two_year",
      "payment_electronic_check", "payment_credit_card", "payment_bank_transfer");

  private final List<CustomerFeatures.Row> rows = load();

  public List<CustomerFeatures.Row> rows() {
    return rows;
  }

  @Override
  public CompletionStage<CustomerFeatures> byIds(List<String> customerIds) {
    var wanted = new HashSet<>(customerIds);
    return CompletableFuture.completedFuture(
        new CustomerFeatures(FEATURES, rows.stream().filter(r -> wanted.contains(r.customerId())).toList(), null));
  }

  @Override
  public CompletionStage<CustomerFeatures> active(String cursor, int limit) {
    return page(rows.stream().filter(r -> !r.churned()).toList(), cursor, limit);
  }

  @Override
  public CompletionStage<CustomerFeatures> all(String cursor, int limit) {
    return page(rows, cursor, limit);
  }

  private static CompletionStage<CustomerFeatures> page(List<CustomerFeatures.Row> selected, String cursor, int limit) {
    int from = cursor == null ? 0 : Integer.parseInt(cursor);
    int to = Math.min(selected.size(), from + limit);
    return CompletableFuture.completedFuture(
        new CustomerFeatures(FEATURES, selected.subList(from, to), to < selected.size() ? String.valueOf(to) : null));
  }

  private static List<CustomerFeatures.Row> load() {
    var stream = Objects.requireNonNull(TelcoCustomerFeatures.class.getResourceAsStream("/telco-churn-slice.csv"));
    try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String[] header = reader.readLine().split(",");
      List<CustomerFeatures.Row> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cells = line.split(",", -1);
        var row = new java.util.HashMap<String, String>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], cells[i]);
        }
        rows.add(encode(row));
      }
      return List.copyOf(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CustomerFeatures.Row encode(Map<String, String> r) {
    List<Double> v = new ArrayList<>();
    for (String numeric : List.of("female", "senior_citizen", "partner", "dependents", "tenure", "phone_service",
        "paperless_billing", "monthly_charges", "total_charges")) {
      String cell = r.get(numeric);
      v.add(cell.isBlank() || cell.equals("NA") ? 0.0 : Double.parseDouble(cell));
    }
    v.add(is(r, "multiple_lines", "Yes"));
    v.add(is(r, "internet_service", "Fiber optic"));
    v.add(is(r, "internet_service", "DSL"));
    for (String service : List.of("online_security", "online_backup", "device_protection", "tech_support", "streaming_tv", "streaming_movies")) {
      v.add(is(r, service, "Yes"));
    }
    v.add(is(r, "contract", "One year"));
    v.add(is(r, "contract", "Two year"));
    v.add(is(r, "payment_method", "Electronic check"));
    v.add(is(r, "payment_method", "Credit card (automatic)"));
    v.add(is(r, "payment_method", "Bank transfer (automatic)"));
    return new CustomerFeatures.Row(r.get("customer_id"), v, "Yes".equals(r.get("churn")), Double.parseDouble(r.get("monthly_charges")));
  }

  private static double is(Map<String, String> r, String column, String value) {
    return value.equals(r.get(column)) ? 1.0 : 0.0;
  }
}
