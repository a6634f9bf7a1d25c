package dev.strata.agent.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** agent-service's own settings ({@code agent.*}). */
@ConfigMapping(prefix = "agent")
public interface AgentConfig {

  Runner runner();

  Outbox outbox();

  CheckpointRetention checkpoints();

  /**
   * Which checkpoints are kept: the newest {@code keep-last} of each execution, and none older than {@code max-age};
   * unset, all are. Never the one a live execution resumes from (its newest, or the one it was forked from).
   */
  interface CheckpointRetention {
    java.util.OptionalInt keepLast();

    java.util.Optional<Duration> maxAge();

    /** How often the policy is applied. */
    @WithDefault("10m")
    Duration sweepEvery();
  }

  Schedules schedules();

  /** Workflow schedules: the poller that starts each due tick's execution (README "Schedules"). */
  interface Schedules {
    /** How often each replica looks for due schedules; a tick starts at most this long after its time. */
    @WithDefault("10s")
    Duration pollEvery();

    /**
     * How late a tick may be found and still be on time, started whatever the schedule's missed-tick policy; a tick
     * found later was missed (every replica down, the database out of reach). Longer than {@code poll-every}.
     */
    @WithDefault("1m")
    Duration grace();

    /** Most due schedules one poll handles, the longest due first; the rest wait for the next poll. */
    @WithDefault("100")
    int batchSize();
  }

  Notifications notifications();

  Audit audit();

  /** Calls out to URLs a user or producer chose ({@code http} steps, webhooks). */
  Egress egress();

  interface Egress {
    /**
     * Internal targets that may be called although their addresses are denied by default: CIDR
     * blocks ({@code 10.20.0.0/16}, {@code 127.0.0.1/32}) and {@code host:port} pairs.
     */
    java.util.Optional<java.util.List<String>> allow();

    /** Largest answer body read; a larger one fails the call. */
    @WithDefault("1M")
    io.quarkus.runtime.configuration.MemorySize maxResponseSize();

    /** Redirects followed (each hop checked again) before the call fails. */
    @WithDefault("5")
    int maxRedirects();

    @WithDefault("5s")
    Duration connectTimeout();

    /** Longest whole call, redirects included. */
    @WithDefault("30s")
    Duration timeout();
  }

  /**
   * Who outside agent-service may start which workflows through {@code workflow.execute}: entries {@code
   * <broker user>:<workflow id>} or {@code <broker user>:*} (any workflow). None: every outside start is refused.
   */
  java.util.Optional<java.util.List<String>> externalStarts();

  /** Sign-in: tokens issued by {@code POST /auth/token}, failed-login limit, first administrator. */
  Auth auth();

  interface Auth {
    /** {@code iss} of issued tokens; every service verifies it ({@code mp.jwt.verify.issuer}). */
    @WithDefault("strata")
    String issuer();

    /** How long an issued token is valid; at most {@code strata.security.token-max-lifetime}. */
    @WithDefault("1h")
    Duration tokenLifetime();

    /** How long a service's own token ({@code POST /auth/service-token}) is valid; the services renew it at 80 %. */
    @WithDefault("15m")
    Duration serviceTokenLifetime();

    /** {@code kid} of the signing key, named in every token's header (README "Key rotation"). */
    @WithDefault("strata-1")
    String keyId();

    /** How often the recent token revocations are broadcast again, for service instances started since. */
    @WithDefault("10s")
    Duration revocationRepeat();

    /** Password attempts per username from one source address within {@link #failedLoginWindow()} before 429. */
    @WithDefault("5")
    int maxFailedLogins();

    /** Password attempts from one source address, whatever the username, within the window before 429. */
    @WithDefault("30")
    int maxFailedLoginsPerSource();

    /** Password attempts for one username, whatever the source, within the window before 429 (not for trusted sources). */
    @WithDefault("100")
    int maxFailedLoginsPerUser();

    /** How long an attempt counts; a lockout ends at most this long after its first counted attempt. */
    @WithDefault("1m")
    Duration failedLoginWindow();

    /** Source blocks (CIDR) exempt from the per-username limit: the operations network's way back in. */
    java.util.Optional<java.util.List<String>> trustedSources();

    /** Longest wait for the Redis attempt counter; without its answer a password sign-in is refused (503). */
    @WithDefault("1s")
    Duration counterTimeout();

    /** Failed sign-ins from one source are audited once per this window (and counted in a metric each). */
    @WithDefault("1m")
    Duration failureAuditWindow();

    /** Password of the {@code admin} user created at start when it does not exist (env STRATA_ADMIN_PASSWORD). */
    java.util.Optional<String> adminPassword();
  }

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

    /**
     * How long a delivery holds an execution without renewing it; another delivery of the same
     * execution waits for it. A step that calls out renews it every third of this while it runs, and
     * each step's commit renews it, so a step may take longer; this bounds how long an execution whose
     * runner died (killed, cut off from the database) waits before a redelivery takes it over.
     */
    @WithDefault("15s")
    Duration lease();
  }

  /** The transactional outbox relay. */
  interface Outbox {
    /** How often committed rows are looked for when no commit nudged the relay (another replica's rows, a failed round's). */
    @WithDefault("2s")
    Duration pollInterval();

    /** Rows published per round trip. */
    @WithDefault("200")
    int batchSize();

    /**
     * How long a round waits for the broker's confirms before it rolls back and leaves its rows for
     * the next round (a broker that is down may never answer).
     */
    @WithDefault("10s")
    Duration confirmTimeout();
  }

  /** The {@code audit.log} writer. */
  interface Audit {
    /**
     * Most events appended in one transaction (one wait for the chain's lock, one INSERT). The
     * channel's prefetch ({@code mp.messaging.incoming.audit-log.max-outstanding-messages}) should
     * be larger, so the next batch fills while one commits.
     */
    @WithDefault("64")
    int batchSize();

    /**
     * The audit chain's HMAC key (env {@code STRATA_AUDIT_HMAC_KEY}), at least 32 bytes; the service
     * does not start without one. Changing it makes every row written before look rewritten.
     */
    java.util.Optional<String> hmacKey();

    /**
     * How often the whole chain is verified for the {@code strata.audit.chain.ok} gauge (AuditChainSchedule), which the
     * operator's StrataAuditChainBroken alert watches; each check reads every record.
     */
    @WithDefault("5m")
    Duration verifyEvery();

    /** How long after start-up the first check waits, so a rolling restart does not read the chain once per replica at once. */
    @WithDefault("1m")
    Duration verifyDelay();
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
