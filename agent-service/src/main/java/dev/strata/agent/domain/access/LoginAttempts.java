package dev.strata.agent.domain.access;

import java.util.concurrent.CompletionStage;

/**
 * Counts failed sign-ins per username in a sliding window. An outage of the counter must not lock
 * everyone out, so implementations answer "not blocked" when they cannot tell.
 */
public interface LoginAttempts {

  CompletionStage<Boolean> blocked(String username);

  CompletionStage<Void> failed(String username);
}
