package dev.strata.agent.domain.access;

import java.util.concurrent.CompletionStage;

/**
 * Counts password sign-in attempts per username and source address, per source, and per username,
 * in a window. An attempt is counted before its password is checked, in one atomic step, so
 * parallel guesses cannot slip past a limit between a check and an increment; a right password
 * takes its count back. When the counter cannot answer, the stage fails and the sign-in is refused:
 * without it nothing bounds guessing.
 */
public interface LoginAttempts {

  /** Counts this attempt; true when every limit still holds, so the password may be checked. */
  CompletionStage<Boolean> admit(String username, String source);

  /** The attempt had the right password: it is not a failure. */
  CompletionStage<Void> succeeded(String username, String source);
}
