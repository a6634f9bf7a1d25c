package dev.strata.ingest.application;

import dev.strata.ingest.domain.job.IngestionJobs;
import dev.strata.ingest.domain.job.JobClaim;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Clock;

/**
 * Renews a job's claim every {@code heartbeatEvery} for as long as the work under it runs, so the
 * claim lapses only when this process stops (killed, frozen, cut off from Postgres) — never while
 * a long batch is still being written.
 */
final class Heartbeat {

  private static final System.Logger LOG = System.getLogger(Heartbeat.class.getName());

  private final IngestionJobs jobs;
  private final Clock clock;
  private final ClaimTerms terms;

  Heartbeat(IngestionJobs jobs, Clock clock, ClaimTerms terms) {
    this.jobs = jobs;
    this.clock = clock;
    this.terms = terms;
  }

  <T> Uni<T> keepAlive(String jobId, JobClaim claim, Uni<T> work) {
    return Uni.createFrom().deferred(() -> {
      Cancellable beats = beats(jobId, claim);
      return work.onTermination().invoke(beats::cancel);
    });
  }

  private Cancellable beats(String jobId, JobClaim claim) {
    return Multi.createFrom().ticks().startingAfter(terms.heartbeatEvery()).every(terms.heartbeatEvery())
        // a renewal slower than the period skips a beat rather than queueing them up
        .onOverflow().drop()
        .onItem().transformToUniAndConcatenate(tick -> renew(jobId, claim))
        .subscribe().with(held -> {
          if (!held) {
            // finish() refuses this attempt's result later; the warning says why
            LOG.log(System.Logger.Level.WARNING, "job {0} is no longer held by {1}: its lease lapsed and another attempt took it over",
                jobId, claim.holder());
          }
        });
  }

  private Uni<Boolean> renew(String jobId, JobClaim claim) {
    return Uni.createFrom().completionStage(() -> jobs.renew(jobId, claim.renewedAt(clock.instant(), terms.lease())))
        // one failed renewal (a Postgres hiccup) must not end the heartbeat; the next beat retries
        .onFailure().recoverWithItem(failure -> {
          LOG.log(System.Logger.Level.WARNING, "heartbeat of job {0} failed: {1}", jobId, failure.getMessage());
          return Boolean.TRUE;
        });
  }
}
