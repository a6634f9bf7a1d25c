package dev.strata.warehouse.domain.promotion;

/**
 * What the staging tables of one promotion measured, before anything was published.
 *
 * @param bronzeKeys distinct keys in the bronze input
 * @param silverStaged rows staged for silver (bronze deduplicated, latest ingestion wins)
 * @param nullKeys staged rows with a null key column
 * @param duplicateKeys staged rows beyond the first of their key (in silver or gold staging)
 * @param ohlcViolations staged bars whose high/low do not bound open/close, or negative volume
 * @param goldExpected rows gold should hold for the affected range after the merge
 * @param goldStaged rows staged for gold
 */
public record AuditMetrics(
    long bronzeKeys,
    long silverStaged,
    long nullKeys,
    long duplicateKeys,
    long ohlcViolations,
    long goldExpected,
    long goldStaged) {}
