package dev.strata.agent.config;

import dev.strata.agent.adapter.out.files.LocalFolderFileStore;
import dev.strata.agent.settings.FilesConfig;
import dev.strata.support.files.RecordedStagingSweep;
import dev.strata.support.files.StaleStagingSweep;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;

/**
 * Runs {@link StaleStagingSweep} at start-up and every {@code agent.files.sweep-interval} (the orphan
 * blob sweep's schedule). Replicas sharing the folder may sweep at the same time: both only delete
 * entries older than {@code agent.files.staging-max-age}, and one already removed is simply gone.
 */
@ApplicationScoped
public class StagingSweepSchedule {

  private final RecordedStagingSweep sweep;

  StagingSweepSchedule(FilesConfig config, MeterRegistry registry) {
    this.sweep = new RecordedStagingSweep(
        new StaleStagingSweep(LocalFolderFileStore.stagingFolder(Path.of(config.files().root())), config.files().stagingMaxAge()),
        "agent.files.staging.swept", "staging files of dead uploads", registry);
  }

  // no initial delay: the first run is right after start-up, which is when a crash's debris is found
  @Scheduled(every = "${agent.files.sweep-interval:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    sweep.run();
  }
}
