package dev.strata.scoring.domain.model;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The record of who changed the registry: uploads, alias moves (by hand or by a training run) and
 * archiving. Recording never fails the change it records.
 */
@FunctionalInterface
public interface ModelAudit {

  /** @param actor the principal whose request made the change */
  CompletionStage<Void> record(String actor, String action, ModelRef ref, Map<String, String> details);
}
