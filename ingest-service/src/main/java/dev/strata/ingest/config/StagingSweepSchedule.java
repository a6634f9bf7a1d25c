package dev.strata.ingest.config;

import dev.strata.ingest.adapter.out.parquet.ParquetBronzeLake;
import dev.strata.ingest.settings.IngestConfig;
import dev.strata.support.files.RecordedStagingSweep;
import dev.strata.support.files.StaleStagingSweep;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs {@link StaleStagingSweep} at start-up and every {@code ingest.lake.staging-sweep-every}.
 * Replicas sharing the lake may sweep at the same time: both only delete folders older than the
 * max age, and a folder one of them already removed is simply gone for the other.
 */
@ApplicationScoped
public class StagingSweepSchedule {

  private final RecordedStagingSweep sweep;

  StagingSweepSchedule(IngestConfig config, MeterRegistry registry) {
    this.sweep = new RecordedStagingSweep(
        new StaleStagingSweep(config.lake().root().resolve(ParquetBronzeLake.STAGING), config.lake().stagingMaxAge()),
        "ingest.lake.staging.swept", "stale staging folders of dead writers", registry);
  }

  // no initial delay: the first run is right after start-up, which is when a crash's debris is found
  @Scheduled(every = "${ingest.lake.staging-sweep-every:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    sweep.run();
  }
}
