package dev.strata.warehouse.domain.ledger;

import java.time.Instant;

/**
 * An ingest run as the ledger sees it: the files it announced and how far promotion got.
 *
 * @param status {@code promoted} when every file is, {@code rejected} when any was refused,
 *     {@code pending} otherwise
 */
public record RunOverview(String runId, Instant startedAt, Instant lastFileAt, int files, long rows, String status) {}
