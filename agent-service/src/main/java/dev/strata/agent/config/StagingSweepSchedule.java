package dev.strata.agent.config;

import dev.strata.agent.adapter.out.files.LocalFolderFileStore;
import dev.strata.support.files.StaleStagingSweep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Runs {@link StaleStagingSweep} at start-up and every {@code agent.files.sweep-interval} (the orphan
 * blob sweep's schedule). Replicas sharing the folder may sweep at the same time: both only delete
 * entries older than {@code agent.files.staging-max-age}, and one already removed is simply gone.
 */
@ApplicationScoped
public class StagingSweepSchedule {

  private static final Logger LOG = Logger.getLogger(StagingSweepSchedule.class);

  private final StaleStagingSweep sweep;
  private final Counter files;
  private final Counter bytes;

  StagingSweepSchedule(FilesConfig config, MeterRegistry registry) {
    this.sweep = new StaleStagingSweep(LocalFolderFileStore.stagingFolder(Path.of(config.files().root())), config.files().stagingMaxAge());
    this.files = Counter.builder("agent.files.staging.swept.files")
        .description("Staging files of dead uploads removed").register(registry);
    this.bytes = Counter.builder("agent.files.staging.swept.bytes")
        .description("Bytes of staging files of dead uploads removed").baseUnit("bytes").register(registry);
  }

  // no initial delay: the first run is right after start-up, which is when a crash's debris is found
  @Scheduled(every = "${agent.files.sweep-interval:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    try {
      StaleStagingSweep.Swept swept = sweep.sweep(Instant.now());
      if (swept.entries() > 0) {
        files.increment(swept.entries());
        bytes.increment(swept.bytes());
        LOG.infof("removed %d stale upload staging file(s), %d bytes", swept.entries(), swept.bytes());
      }
    } catch (RuntimeException e) {
      LOG.warn("sweep of stale upload staging files failed; the next round retries", e);
    }
  }
}
