package dev.strata.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/** Configuration of ingest-service, prefix {@code ingest}. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

  Lake lake();

  Session session();

  Jobs jobs();

  Outbox outbox();

  /** The Parquet lake. */
  interface Lake {
    /** Root folder of the lake; warehouse-service reads the same folder. */
    @WithDefault("${STRATA_RUN_DIR:${user.home}/.strata/run}/lake")
    Path root();
  }

  /** The exchange session daily bars are cut at, in the exchange's own time zone. */
  interface Session {
    @WithDefault("America/New_York")
    ZoneId zone();

    @WithDefault("09:30")
    LocalTime open();

    @WithDefault("16:00")
    LocalTime close();
  }

  /** Ingestion jobs. */
  interface Jobs {
    /** An IN_PROGRESS job untouched this long is taken over by a resubmission (its run crashed). */
    @WithDefault("PT5M")
    Duration staleAfter();
  }

  /** The transactional outbox of {@code dataset.ingested}. */
  interface Outbox {
    /** How often unsent messages are relayed when no commit nudged the relay. */
    @WithDefault("2s")
    String relayEvery();
  }
}
