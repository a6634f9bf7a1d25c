package dev.strata.ingest.domain.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The regular trading session of one exchange day, as instants: from the open, inclusive, to the close,
 * exclusive. {@code earlyClose} marks a day the exchange closes early (13:00 New York).
 */
public record Session(LocalDate day, Instant open, Instant close, boolean earlyClose) {}
