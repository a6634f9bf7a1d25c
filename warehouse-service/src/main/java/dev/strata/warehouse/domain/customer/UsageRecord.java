package dev.strata.warehouse.domain.customer;

import java.time.Instant;

/** One usage event of a customer, as silver holds it. */
public record UsageRecord(String customerId, Instant ts, String event, double quantity, String attributes) {}
