package dev.strata.support.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Adds this service's own bearer token (role {@code service}) to calls it makes to other Strata
 * services. Register on a REST client with {@code @RegisterClientHeaders(ServiceTokenHeaders.class)}.
 * The token comes from {@code STRATA_SERVICE_TOKEN} (a Secret in Kubernetes; minted by
 * {@code bin/strata} locally).
 */
@ApplicationScoped
public class ServiceTokenHeaders implements ClientHeadersFactory {

  private final Optional<String> token;

  ServiceTokenHeaders(@ConfigProperty(name = "strata.service-token") Optional<String> token) {
    this.token = token.filter(value -> !value.isBlank());
  }

  @Override
  public MultivaluedMap<String, String> update(
      MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
    MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
    token.ifPresent(value -> headers.putSingle("Authorization", "Bearer " + value));
    return headers;
  }
}
