package dev.strata.scoring.config;

import dev.strata.scoring.application.FailInterruptedJobs;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;

/**
 * Runs {@link FailInterruptedJobs}: at start-up, then every {@code scoring.jobs.heartbeat-every}, this
 * process touches its own jobs, then fails the running jobs nobody has touched for the lease.
 */
@ApplicationScoped
public class JobRecovery {

  private final FailInterruptedJobs jobs;
  private final Clock clock = Clock.systemUTC();

  JobRecovery(FailInterruptedJobs jobs) {
    this.jobs = jobs;
  }

  void onStart(@Observes StartupEvent start) {
    jobs.run(clock.instant());
  }

  @Scheduled(every = "${scoring.jobs.heartbeat-every:5s}", delayed = "${scoring.jobs.heartbeat-every:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void beat() {
    jobs.heartbeat(clock.instant());
    jobs.run(clock.instant());
  }
}
