package dev.strata.warehouse.domain.customer;

import dev.strata.kernel.error.DomainException;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A customer in the Telco layout. Invariants: the id is a short ASCII token, the categorical
 * attributes hold one of the Telco values, tenure and charges are not negative; total charges may
 * be unknown (the data's {@code NA}); a customer with a churn date has churned.
 *
 * @param churned the churn label, null when unknown
 * @param churnDate when the customer left; null while active
 */
public record Customer(
    String customerId,
    boolean female,
    boolean seniorCitizen,
    boolean partner,
    boolean dependents,
    int tenure,
    boolean phoneService,
    String multipleLines,
    String internetService,
    String onlineSecurity,
    String onlineBackup,
    String deviceProtection,
    String techSupport,
    String streamingTv,
    String streamingMovies,
    String contract,
    boolean paperlessBilling,
    String paymentMethod,
    double monthlyCharges,
    Double totalCharges,
    Boolean churned,
    LocalDate churnDate) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  public static final Set<String> MULTIPLE_LINES = Set.of("Yes", "No", "No phone service");
  public static final Set<String> INTERNET = Set.of("DSL", "Fiber optic", "No");
  public static final Set<String> ADD_ON = Set.of("Yes", "No", "No internet service");
  public static final Set<String> CONTRACTS = Set.of("Month-to-month", "One year", "Two year");
  public static final Set<String> PAYMENT_METHODS =
      Set.of("Electronic check", "Mailed check", "Bank transfer (automatic)", "Credit card (automatic)");

  public Customer {
    requireId(customerId);
    oneOf("multipleLines", multipleLines, MULTIPLE_LINES);
    oneOf("internetService", internetService, INTERNET);
    for (String addOn : new String[] {onlineSecurity, onlineBackup, deviceProtection, techSupport, streamingTv, streamingMovies}) {
      oneOf("internet add-on", addOn, ADD_ON);
    }
    oneOf("contract", contract, CONTRACTS);
    oneOf("paymentMethod", paymentMethod, PAYMENT_METHODS);
    if (tenure < 0 || monthlyCharges < 0 || (totalCharges != null && totalCharges < 0)) {
      throw new DomainException.Invalid("tenure and charges must not be negative");
    }
    if (churnDate != null && Boolean.FALSE.equals(churned)) {
      throw new DomainException.Invalid("a customer with a churn date has churned");
    }
    if (churnDate != null) {
      churned = true;
    }
  }

  /** Active: no churn date and not known to have churned. */
  public boolean active() {
    return churnDate == null && !Boolean.TRUE.equals(churned);
  }

  /** {@code id} when it is a valid customer id; otherwise a client-facing error. */
  public static String requireId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new DomainException.Invalid("invalid customer id: must match " + ID.pattern());
    }
    return id;
  }

  private static void oneOf(String field, String value, Set<String> allowed) {
    if (!allowed.contains(value)) {
      throw new DomainException.Invalid(field + " must be one of " + allowed + ", was '" + value + "'");
    }
  }
}
