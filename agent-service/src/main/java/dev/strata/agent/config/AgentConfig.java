package dev.strata.agent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** agent-service's own settings ({@code agent.*}). */
@ConfigMapping(prefix = "agent")
public interface AgentConfig {

  Runner runner();

  Outbox outbox();

  Notifications notifications();

  /** The workflow runner. */
  interface Runner {
    /** How long one attempt of one step may take. */
    @WithDefault("30s")
    Duration stepTimeout();

    /** Attempts of a failing step before the execution fails. */
    @WithDefault("3")
    int maxAttempts();

    /** Wait before the first retry; doubles each time. */
    @WithDefault("200ms")
    Duration initialBackoff();
  }

  /** The transactional outbox relay. */
  interface Outbox {
    /** How often committed rows are looked for. */
    @WithDefault("100ms")
    Duration pollInterval();

    /** Rows published per round trip. */
    @WithDefault("200")
    int batchSize();
  }

  /** Webhook delivery of {@code notification.send}. */
  interface Notifications {
    /** Webhook URL per channel, for messages that name no URL. */
    Map<String, String> channels();

    @WithDefault("3")
    int maxAttempts();

    @WithDefault("500ms")
    Duration initialBackoff();

    @WithDefault("10s")
    Duration timeout();
  }
}
