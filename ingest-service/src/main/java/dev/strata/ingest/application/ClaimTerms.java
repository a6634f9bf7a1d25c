package dev.strata.ingest.application;

import dev.strata.ingest.domain.job.JobClaim;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * How this process claims jobs: each attempt holds its job under a fresh holder id
 * ({@code <process>/<uuid>}) for {@code lease}, renewed every {@code heartbeatEvery} while it runs.
 *
 * @param process names this process in holder ids (host and pid), so an operator can tell who holds a job
 * @param lease how long a claim survives its holder's silence
 * @param heartbeatEvery how often a running job renews its lease; well under {@code lease}, so one
 *     late or failed heartbeat does not lose the job
 */
public record ClaimTerms(String process, Duration lease, Duration heartbeatEvery) {

  public ClaimTerms {
    if (heartbeatEvery.isZero() || heartbeatEvery.isNegative() || heartbeatEvery.multipliedBy(2).compareTo(lease) > 0) {
      throw new IllegalArgumentException("the heartbeat (" + heartbeatEvery + ") must be positive and at most half the lease (" + lease + ")");
    }
  }

  JobClaim newClaim(Instant now) {
    return JobClaim.of(process + "/" + UUID.randomUUID(), now, lease);
  }
}
