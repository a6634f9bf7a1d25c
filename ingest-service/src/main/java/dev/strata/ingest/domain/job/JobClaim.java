package dev.strata.ingest.domain.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Who runs an IN_PROGRESS job and until when (a lease). The holder renews {@code until} while it
 * is alive; once {@code until} has passed without a renewal the holder is taken to be dead and any
 * retry of the job may take it over.
 *
 * @param holder one attempt of one process (never reused), so a late write of a holder that lost
 *     its claim is recognised and refused
 * @param until the end of the lease
 */
public record JobClaim(String holder, Instant until) {

  public JobClaim {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(until, "until");
  }

  public static JobClaim of(String holder, Instant now, Duration lease) {
    return new JobClaim(holder, now.plus(lease));
  }

  /** The same holder's lease, extended from {@code now} (a heartbeat). */
  public JobClaim renewedAt(Instant now, Duration lease) {
    return of(holder, now, lease);
  }

  public boolean lapsedAt(Instant now) {
    return until.isBefore(now);
  }
}
