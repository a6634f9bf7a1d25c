package dev.strata.support.messaging;

import dev.strata.kernel.messaging.MessageType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a message's publisher may publish its type: anyone the broker let in when the type names no
 * publishers, else one of them ({@link MessageType#publishers()}), or a broker user of {@code
 * strata.messaging.trusted-publishers}, which may publish as any service (a local broker with one user for all).
 * The publisher is the AMQP {@code user_id}, which RabbitMQ checks against the publishing connection's user.
 */
@ApplicationScoped
public class TrustedPublishers {

  private final Set<String> trustedAsAnyService;

  TrustedPublishers(@ConfigProperty(name = "strata.messaging.trusted-publishers") Optional<Set<String>> trustedAsAnyService) {
    this.trustedAsAnyService = trustedAsAnyService.orElse(Set.of());
  }

  /** Why {@code publisher} (null: the message named none) may not publish {@code type}, or empty when it may. */
  public Optional<String> refusal(MessageType<?> type, String publisher) {
    if (type.publishers().isEmpty() || type.publishers().stream().anyMatch(service -> is(service, publisher))) {
      return Optional.empty();
    }
    return Optional.of((publisher == null ? "no user_id" : "published by " + publisher)
        + "; only " + String.join(", ", type.publishers().stream().sorted().toList()) + " publish " + type.name());
  }

  /** Whether {@code publisher} is {@code service}'s broker user (its name), or one trusted as any service. */
  public boolean is(String service, String publisher) {
    return publisher != null && (publisher.equals(service) || trustedAsAnyService.contains(publisher));
  }
}
