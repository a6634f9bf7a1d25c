package dev.strata.ingest.domain.bar;

/**
 * A row a validation policy refused.
 *
 * @param row zero-based position of the row in the submitted batch
 * @param policy the name of the policy that refused it
 * @param reason why, for the client
 */
public record RejectedRow(int row, String policy, String reason) {}
