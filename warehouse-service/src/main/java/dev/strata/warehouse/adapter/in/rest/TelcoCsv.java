package dev.strata.warehouse.adapter.in.rest;

import dev.strata.kernel.error.DomainException;
import dev.strata.warehouse.domain.customer.Customer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the Telco churn CSV layout ({@code customer_id,churn,female,…,total_charges}); {@code NA}
 * total charges become unknown. Any malformed line rejects the whole file, naming the line.
 */
final class TelcoCsv {

  static final List<String> HEADER = List.of("customer_id", "churn", "female", "senior_citizen", "partner",
      "dependents", "tenure", "phone_service", "multiple_lines", "internet_service", "online_security",
      "online_backup", "device_protection", "tech_support", "streaming_tv", "streaming_movies", "contract",
      "paperless_billing", "payment_method", "monthly_charges", "total_charges");

  private TelcoCsv() {}

  static List<Customer> parse(String csv) {
    List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
    if (lines.isEmpty() || !split(lines.getFirst()).equals(HEADER)) {
      throw new DomainException.Invalid("CSV header must be " + String.join(",", HEADER));
    }
    List<Customer> customers = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      try {
        customers.add(customer(split(lines.get(i))));
      } catch (DomainException | IllegalArgumentException e) {
        throw new DomainException.Invalid("line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return customers;
  }

  private static Customer customer(List<String> f) {
    if (f.size() != HEADER.size()) {
      throw new IllegalArgumentException("expected " + HEADER.size() + " fields, found " + f.size());
    }
    return new Customer(f.get(0), bit(f.get(2)), bit(f.get(3)), bit(f.get(4)), bit(f.get(5)),
        Integer.parseInt(f.get(6)), bit(f.get(7)), f.get(8), f.get(9), f.get(10), f.get(11), f.get(12), f.get(13),
        f.get(14), f.get(15), f.get(16), bit(f.get(17)), f.get(18), Double.parseDouble(f.get(19)),
        "NA".equals(f.get(20)) || f.get(20).isEmpty() ? null : Double.parseDouble(f.get(20)), churn(f.get(1)), null);
  }

  private static boolean bit(String value) {
    return switch (value) {
      case "1", "Yes" -> true;
      case "0", "No" -> false;
      default -> throw new IllegalArgumentException("expected 0/1 or Yes/No, found '" + value + "'");
    };
  }

  private static Boolean churn(String value) {
    return "NA".equals(value) || value.isEmpty() ? null : bit(value);
  }

  // the Telco file quotes nothing; a quoted field (should one appear) loses its quotes
  private static List<String> split(String line) {
    return Arrays.stream(line.split(",", -1)).map(field -> field.strip().replaceAll("^\"|\"$", "")).toList();
  }
}
