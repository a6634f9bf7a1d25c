package dev.strata.kernel.messaging;

/**
 * A message no retry can fix: not JSON, an unknown type, a newer schema than this reader knows,
 * a payload that does not fit its contract, or a contract meant for another queue.
 */
public final class UndecodableMessage extends RuntimeException {

  public UndecodableMessage(String reason, Throwable cause) {
    super(reason, cause);
  }

  public UndecodableMessage(String reason) {
    super(reason);
  }
}
