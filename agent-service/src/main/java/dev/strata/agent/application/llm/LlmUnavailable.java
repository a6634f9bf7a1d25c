package dev.strata.agent.application.llm;

/**
 * The gateway cannot answer now: no provider configured, the provider down, timing out, rate
 * limiting beyond the retries, or its circuit open. Not the caller's fault; worth retrying later.
 */
public class LlmUnavailable extends RuntimeException {

  public LlmUnavailable(String message) {
    super(message);
  }

  public LlmUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
