package dev.strata.scoring.config;

import dev.strata.scoring.application.ExpireFinishedJobs;
import dev.strata.scoring.application.FailInterruptedJobs;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;

/**
 * Job housekeeping: at start-up, then every {@code scoring.jobs.heartbeat-every}, this process touches
 * its own jobs ({@link FailInterruptedJobs}), fails the running jobs nobody has touched for the lease,
 * and deletes the finished jobs older than {@code scoring.jobs.keep-finished} ({@link ExpireFinishedJobs}).
 */
@ApplicationScoped
public class JobRecovery {

  private final FailInterruptedJobs jobs;
  private final ExpireFinishedJobs expiry;
  private final Clock clock = Clock.systemUTC();

  JobRecovery(FailInterruptedJobs jobs, ExpireFinishedJobs expiry) {
    this.jobs = jobs;
    this.expiry = expiry;
  }

  void onStart(@Observes StartupEvent start) {
    jobs.run(clock.instant()).chain(() -> expiry.run(clock.instant())).await().indefinitely();
  }

  @Scheduled(every = "${scoring.jobs.heartbeat-every:5s}", delayed = "${scoring.jobs.heartbeat-every:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> beat() {
    return jobs.heartbeat(clock.instant())
        .chain(() -> jobs.run(clock.instant()))
        .chain(() -> expiry.run(clock.instant()))
        .replaceWithVoid();
  }
}
