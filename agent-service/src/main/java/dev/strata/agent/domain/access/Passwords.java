package dev.strata.agent.domain.access;

import dev.strata.kernel.error.DomainException;
import java.nio.charset.StandardCharsets;

/** What a password must be to be hashed faithfully: bcrypt reads 72 bytes and silently ignores the rest. */
public final class Passwords {

  /** bcrypt's input limit. */
  public static final int MAX_BYTES = 72;

  private Passwords() {}

  /** Refuses a password bcrypt would truncate (two passwords sharing 72 bytes would both match). */
  public static void requireHashable(String password) {
    if (password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new DomainException.Invalid("password must be at most " + MAX_BYTES + " bytes in UTF-8");
    }
  }
}
