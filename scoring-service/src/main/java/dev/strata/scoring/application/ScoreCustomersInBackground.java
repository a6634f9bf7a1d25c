package dev.strata.scoring.application;

import dev.strata.kernel.api.CustomerScores;
import dev.strata.kernel.api.ScoreRequest;
import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.scoring.ScoringJob;
import dev.strata.scoring.domain.scoring.ScoringJobs;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.UUID;

/**
 * Scores customers in the background for a caller that asked to be answered later: the request is
 * checked at once (a bad one is refused before any job exists), then the job records chunks done, rows
 * scored and finally the scores, readable by id while it runs and after.
 */
public class ScoreCustomersInBackground {

  private static final System.Logger LOG = System.getLogger(ScoreCustomersInBackground.class.getName());

  private final ScoreCustomers scoring;
  private final ScoringJobs jobs;
  private final JobsInFlight inFlight;
  private final JobRunner runner;
  private final Clock clock;

  public ScoreCustomersInBackground(ScoreCustomers scoring, ScoringJobs jobs, JobsInFlight inFlight, JobRunner runner, Clock clock) {
    this.scoring = scoring;
    this.jobs = jobs;
    this.inFlight = inFlight;
    this.runner = runner;
    this.clock = clock;
  }

  public Uni<ScoringJob> start(ScoreRequest request) {
    return Uni.createFrom().item(() -> {
      ScoreCustomers.validate(request);
      return ScoringJob.started(UUID.randomUUID().toString(), scoring.chunks(request), clock.instant());
    }).call(job -> Async.uni(() -> jobs.save(job)))
        .invoke(job -> inFlight.run(job.id(), runner, () -> run(job, request)));
  }

  public Uni<ScoringJob> job(String id) {
    return Async.uni(() -> jobs.find(id))
        .map(job -> job.orElseThrow(() -> new DomainException.NotFound("no scoring job " + id)));
  }

  private Uni<Void> run(ScoringJob started, ScoreRequest request) {
    // one job's steps run one after another, so the latest state lives here and each step saves it whole
    ScoringJob[] job = {started};
    return scoring.scoreInSteps(request, (done, total, rows, chunk) -> {
      job[0] = job[0].progressed(done, rows);
      return save(job[0]);
    }).chain(scores -> save(job[0].succeeded(scores, clock.instant())))
        .onFailure(RuntimeException.class).recoverWithUni(e -> {
          if (e instanceof DomainException) {
            return save(job[0].failed(e.getMessage(), clock.instant()));
          }
          // readable by any operator: the detail (a downstream URL, a driver message) stays in the log
          LOG.log(System.Logger.Level.ERROR, "scoring job " + started.id() + " failed", e);
          return save(job[0].failed("scoring failed unexpectedly (" + e.getClass().getSimpleName() + "); see the scoring-service log",
              clock.instant()));
        });
  }

  private Uni<Void> save(ScoringJob job) {
    return Async.uni(() -> jobs.save(job));
  }
}
