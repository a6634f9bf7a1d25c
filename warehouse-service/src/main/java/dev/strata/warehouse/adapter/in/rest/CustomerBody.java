package dev.strata.warehouse.adapter.in.rest;

import dev.strata.warehouse.domain.customer.Customer;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;

/** {@code PUT /customers/{id}}: a customer's attributes in the Telco vocabulary (the id comes from the path). */
public record CustomerBody(
    @NotNull Boolean female,
    @NotNull Boolean seniorCitizen,
    @NotNull Boolean partner,
    @NotNull Boolean dependents,
    @NotNull @PositiveOrZero Integer tenure,
    @NotNull Boolean phoneService,
    @NotNull String multipleLines,
    @NotNull String internetService,
    @NotNull String onlineSecurity,
    @NotNull String onlineBackup,
    @NotNull String deviceProtection,
    @NotNull String techSupport,
    @NotNull String streamingTv,
    @NotNull String streamingMovies,
    @NotNull String contract,
    @NotNull Boolean paperlessBilling,
    @NotNull String paymentMethod,
    @NotNull @PositiveOrZero Double monthlyCharges,
    @PositiveOrZero Double totalCharges,
    Boolean churned,
    LocalDate churnDate) {

  Customer toCustomer(String customerId) {
    return new Customer(customerId, female, seniorCitizen, partner, dependents, tenure, phoneService, multipleLines,
        internetService, onlineSecurity, onlineBackup, deviceProtection, techSupport, streamingTv, streamingMovies,
        contract, paperlessBilling, paymentMethod, monthlyCharges, totalCharges, churned, churnDate);
  }
}
