package dev.strata.agent.application.access;

import java.util.Map;

/** Records who did what once it succeeded (the platform's audit trail); never fails the action itself. */
@FunctionalInterface
public interface ActionAudit {

  void record(String actor, String action, String resource, Map<String, String> details);
}
