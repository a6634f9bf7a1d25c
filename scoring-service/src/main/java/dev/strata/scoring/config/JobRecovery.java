package dev.strata.scoring.config;

import dev.strata.scoring.application.FailInterruptedJobs;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.time.Instant;

/** At start-up, fails the jobs a previous process left RUNNING (see {@link FailInterruptedJobs}). */
@ApplicationScoped
public class JobRecovery {

  void onStart(@Observes StartupEvent start, FailInterruptedJobs failInterrupted) {
    // the JVM's start, not this moment: a job this process began while booting is not an orphan
    failInterrupted.run(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
  }
}
