package dev.strata.ingest.config;

import dev.strata.ingest.adapter.out.parquet.ParquetBronzeLake;
import dev.strata.support.files.StaleStagingSweep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Runs {@link StaleStagingSweep} at start-up and every {@code ingest.lake.staging-sweep-every}.
 * Replicas sharing the lake may sweep at the same time: both only delete folders older than the
 * max age, and a folder one of them already removed is simply gone for the other.
 */
@ApplicationScoped
public class StagingSweepSchedule {

  private static final Logger LOG = Logger.getLogger(StagingSweepSchedule.class);

  private final StaleStagingSweep sweep;
  private final Counter folders;
  private final Counter bytes;

  StagingSweepSchedule(IngestConfig config, MeterRegistry registry) {
    this.sweep = new StaleStagingSweep(config.lake().root().resolve(ParquetBronzeLake.STAGING), config.lake().stagingMaxAge());
    this.folders = Counter.builder("ingest.lake.staging.swept.folders")
        .description("Stale staging folders of dead writers removed").register(registry);
    this.bytes = Counter.builder("ingest.lake.staging.swept.bytes")
        .description("Bytes in stale staging folders removed").baseUnit("bytes").register(registry);
  }

  // no initial delay: the first run is right after start-up, which is when a crash's debris is found
  @Scheduled(every = "${ingest.lake.staging-sweep-every:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    try {
      StaleStagingSweep.Swept swept = sweep.sweep(Instant.now());
      if (swept.entries() > 0) {
        folders.increment(swept.entries());
        bytes.increment(swept.bytes());
        LOG.infof("removed %d stale staging folder(s), %d bytes", swept.entries(), swept.bytes());
      }
    } catch (RuntimeException e) {
      LOG.warn("sweep of stale staging folders failed; the next round retries", e);
    }
  }
}
