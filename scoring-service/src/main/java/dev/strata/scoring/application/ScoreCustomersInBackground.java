package dev.strata.scoring.application;

import dev.strata.kernel.api.CustomerScores;
import dev.strata.kernel.api.ScoreRequest;
import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.scoring.ScoringJob;
import dev.strata.scoring.domain.scoring.ScoringJobs;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Scores customers on a background executor for a caller that asked to be answered later: the
 * request is checked at once (a bad one is refused before any job exists), then the job records
 * chunks done, rows scored and finally the scores, readable by id while it runs and after.
 */
public class ScoreCustomersInBackground {

  private static final System.Logger LOG = System.getLogger(ScoreCustomersInBackground.class.getName());

  private final ScoreCustomers scoring;
  private final ScoringJobs jobs;
  private final JobsInFlight inFlight;
  private final Executor executor;
  private final Clock clock;

  public ScoreCustomersInBackground(ScoreCustomers scoring, ScoringJobs jobs, JobsInFlight inFlight, Executor executor, Clock clock) {
    this.scoring = scoring;
    this.jobs = jobs;
    this.inFlight = inFlight;
    this.executor = executor;
    this.clock = clock;
  }

  public ScoringJob start(ScoreRequest request) {
    ScoreCustomers.validate(request);
    ScoringJob job = ScoringJob.started(UUID.randomUUID().toString(), scoring.chunks(request), clock.instant());
    jobs.save(job);
    inFlight.run(job.id(), executor, () -> run(job, request));
    return job;
  }

  public ScoringJob job(String id) {
    return jobs.find(id).orElseThrow(() -> new DomainException.NotFound("no scoring job " + id));
  }

  private void run(ScoringJob started, ScoreRequest request) {
    // one thread runs one job, so the latest state lives here and each step saves it whole
    ScoringJob[] job = {started};
    try {
      CustomerScores scores = scoring.score(request, (done, total, rows, chunk) -> {
        job[0] = job[0].progressed(done, rows);
        jobs.save(job[0]);
      });
      jobs.save(job[0].succeeded(scores, clock.instant()));
    } catch (DomainException e) {
      jobs.save(job[0].failed(e.getMessage(), clock.instant()));
    } catch (RuntimeException e) {
      // readable by any operator: the detail (a downstream URL, a driver message) stays in the log
      LOG.log(System.Logger.Level.ERROR, "scoring job " + started.id() + " failed", e);
      jobs.save(job[0].failed("scoring failed unexpectedly (" + e.getClass().getSimpleName() + "); see the scoring-service log", clock.instant()));
    }
  }
}
