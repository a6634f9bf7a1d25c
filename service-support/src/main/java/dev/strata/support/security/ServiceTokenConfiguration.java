package dev.strata.support.security;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** This service's token source: agent-service's, unless the service provides its own (agent-service does). */
@ApplicationScoped
public class ServiceTokenConfiguration {

  @Produces
  @DefaultBean
  @Singleton
  ServiceTokenSource fromAgentService(
      @ConfigProperty(name = "strata.service-token.agent-url") URI agentUrl,
      @ConfigProperty(name = "quarkus.application.name") String service,
      @ConfigProperty(name = "strata.service-secret") Optional<String> secret) {
    return new AgentServiceTokens(agentUrl, service, secret.orElse(null), Clock.systemUTC());
  }
}
