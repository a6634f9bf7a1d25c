package dev.strata.kernel.messaging.contract;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** {@code audit.log}: who did what, when, to which resource, and how it ended. */
public record AuditEvent(
    String service,
    String actor,
    String action,
    String resource,
    Outcome outcome,
    Instant at,
    Map<String, String> details) {

  /** How the audited action ended. */
  public enum Outcome {
    SUCCESS,
    FAILURE,
    DENIED
  }

  public AuditEvent {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(at, "at");
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}
