package dev.strata.support.messaging;

/**
 * A consumer's refusal of a message it will never accept, whoever delivers it again (a publisher not
 * allowed to ask for it): {@link InboundMessages} dead-letters it at once, counted with reason {@code refused}.
 */
public class RefusedMessage extends RuntimeException {

  public RefusedMessage(String reason) {
    super(reason);
  }
}
