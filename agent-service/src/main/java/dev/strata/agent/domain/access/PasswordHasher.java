package dev.strata.agent.domain.access;

import java.util.concurrent.CompletionStage;

/** A deliberately slow password hash (bcrypt): its stages complete off the event loop, back on the caller's context. */
public interface PasswordHasher {

  CompletionStage<String> hash(String password);

  CompletionStage<Boolean> matches(String password, String hash);
}
