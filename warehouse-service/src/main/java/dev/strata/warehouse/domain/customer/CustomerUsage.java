package dev.strata.warehouse.domain.customer;

/** A customer with their usage summary: what the features are encoded from. */
public record CustomerUsage(Customer customer, UsageSummary usage) {}
