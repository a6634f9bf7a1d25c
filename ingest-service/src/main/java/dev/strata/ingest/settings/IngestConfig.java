package dev.strata.ingest.settings;

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

  Alpaca alpaca();

  /** The Parquet lake. */
  interface Lake {
    /** Root folder of the lake; warehouse-service reads the same folder. */
    @WithDefault("${STRATA_RUN_DIR:${user.home}/.strata/run}/lake")
    Path root();

    /**
     * A staging folder ({@code <root>/.staging/<job>-<uuid>/}) untouched for this long is a dead
     * writer's and is removed. A live batch's staging folder lives for seconds (one COPY, then the
     * moves), so an hour keeps a wide margin over any real write, a slow disk or a paused JVM.
     */
    @WithDefault("PT1H")
    Duration stagingMaxAge();

    /** How often stale staging folders are looked for (also once at start-up): a duration, or {@code off}. */
    @WithDefault("15m")
    String stagingSweepEvery();
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

  /** Ingestion jobs and their claims (README "Job lifecycle"). */
  interface Jobs {
    /**
     * How long a job's claim outlives its holder's last heartbeat: a job whose holder stopped
     * (killed, frozen, cut off from Postgres) is taken over by any retry of it this long after the
     * holder's last heartbeat, and never sooner.
     */
    @WithDefault("PT20S")
    Duration lease();

    /**
     * How often a running job renews its claim, and how often a queued message whose job another
     * attempt holds tries again; at most half of {@link #lease()}.
     */
    @WithDefault("PT5S")
    Duration heartbeatEvery();
  }

  /** The transactional outbox of {@code dataset.ingested}. */
  interface Outbox {
    /** How often unsent messages are relayed when no commit nudged the relay. */
    @WithDefault("2s")
    Duration relayEvery();

    /** Rows published per round trip. */
    @WithDefault("200")
    int batchSize();

    /**
     * How long a round waits for the broker's confirms before it rolls back and leaves its rows for
     * the next round (a broker that went away mid-publish never answers).
     */
    @WithDefault("10s")
    Duration confirmTimeout();
  }

  /** The Alpaca market-data v2 provider (keys from the environment: ALPACA_KEY_ID, ALPACA_SECRET_KEY). */
  interface Alpaca {
    @WithDefault("https://data.alpaca.markets")
    java.net.URI baseUrl();

    /** Empty when no provider account is configured: pulls then fail with the provider's 401/403. */
    java.util.Optional<String> keyId();

    java.util.Optional<String> secretKey();

    /** The provider's rate limit; the token bucket keeps under it. */
    @WithDefault("200")
    int requestsPerMinute();

    /** Attempts of one request when the provider answers 429 or 5xx. */
    @WithDefault("5")
    int maxAttempts();

    @WithDefault("PT0.5S")
    Duration firstBackoff();

    /** The longest wait between attempts, even when Retry-After asks for more. */
    @WithDefault("PT30S")
    Duration maxBackoff();

    /** Folder of the raw response archive (bronze JSON, one file per response with its request). */
    @WithDefault("${STRATA_RUN_DIR:${user.home}/.strata/run}/lake/raw")
    java.nio.file.Path archive();
  }
}
