package dev.strata.support.security;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Adds this service's own bearer token (role {@code service}) to calls it makes to other Strata
 * services. Register on a REST client with {@code @RegisterClientHeaders(ServiceTokenHeaders.class)}.
 * The token is short-lived (at most an hour) and renewed by the service itself at 80 % of its lifetime
 * ({@link RenewingServiceToken}); agent-service mints its own, every other service gets it from
 * agent-service with the shared service secret ({@link AgentServiceTokens}).
 */
@ApplicationScoped
public class ServiceTokenHeaders implements ClientHeadersFactory {

  // a first token from agent-service takes one round trip; longer means it is not answering
  private static final Duration PATIENCE = Duration.ofSeconds(5);

  private final RenewingServiceToken token;

  @Inject
  ServiceTokenHeaders(ServiceTokenSource source) {
    this.token = new RenewingServiceToken(source, Clock.systemUTC(), PATIENCE);
  }

  /** Asks for the first token at start, so the first call to another service need not wait for it. */
  void prefetch(@Observes StartupEvent start) {
    token.current(false);
  }

  @Override
  public MultivaluedMap<String, String> update(
      MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
    MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
    // an event loop must not block: a call made there before the first token arrived goes without one (401)
    token.current(!Context.isOnEventLoopThread()).ifPresent(value -> headers.putSingle("Authorization", "Bearer " + value));
    return headers;
  }
}
