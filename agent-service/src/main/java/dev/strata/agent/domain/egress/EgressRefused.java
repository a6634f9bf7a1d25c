package dev.strata.agent.domain.egress;

/** A call out was not made: its destination is one the egress policy denies. Trying again would not help. */
public final class EgressRefused extends RuntimeException {

  private final String host;

  public EgressRefused(String host, String reason) {
    super("egress refused: " + reason, null, false, false);
    this.host = host;
  }

  /** The host the call was for, as named in its URL. */
  public String host() {
    return host;
  }
}
