package dev.strata.agent.adapter.in.rest.access;

import dev.strata.agent.settings.AgentConfig;
import dev.strata.kernel.messaging.contract.AuditEvent.Outcome;
import dev.strata.support.messaging.AuditTrail;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins: each is counted ({@code agent.auth.failures{reason}}), but one source's failures
 * reach the audit log once per window, so a guessing client cannot flood the hash chain. The
 * window's first failure is audited with its source; later ones only add to the count.
 */
@ApplicationScoped
public class FailedSignInAudit {

  // bounds memory under a spray from many addresses: the map is cleared when it grows past this
  private static final int MAX_SOURCES = 10_000;

  private final AuditTrail audit;
  private final MeterRegistry meters;
  private final Clock clock;
  private final long windowMillis;
  private final Map<String, Long> windowStart = new ConcurrentHashMap<>();

  FailedSignInAudit(AuditTrail audit, MeterRegistry meters, Clock clock, AgentConfig config) {
    this.audit = audit;
    this.meters = meters;
    this.clock = clock;
    this.windowMillis = Math.max(1, config.auth().failureAuditWindow().toMillis());
  }

  /** Counts the failure; audits it when it is its source's first in the current window. */
  public void failed(String actor, String source, String reason, String resource) {
    meters.counter("agent.auth.failures", "reason", reason).increment();
    if (!firstInWindow(source)) {
      return;
    }
    Map<String, String> details = Map.of("reason", reason, "source", source,
        "window", Duration.ofMillis(windowMillis).toString(), "note", "later failures from this source in the window are counted, not audited");
    audit.recordDone(actor, "authenticate", resource, Outcome.FAILURE, null, details);
  }

  /** A source's window opens with the failure that is audited and lasts {@code windowMillis}. */
  boolean firstInWindow(String source) {
    if (windowStart.size() > MAX_SOURCES) {
      windowStart.clear();
    }
    long now = clock.millis();
    boolean[] opened = {false};
    windowStart.compute(source, (key, start) -> {
      if (start == null || now - start >= windowMillis) {
        opened[0] = true;
        return now;
      }
      return start;
    });
    return opened[0];
  }
}
