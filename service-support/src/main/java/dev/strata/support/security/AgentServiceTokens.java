package dev.strata.support.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link ServiceTokenSource} of every service but agent-service: {@code POST <agent>/auth/service-token}
 * with HTTP Basic credentials, the service's name and the shared service secret ({@code
 * STRATA_SERVICE_SECRET}). Without a secret there is no token (as in tests that call no other service).
 */
public final class AgentServiceTokens implements ServiceTokenSource {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final URI endpoint;
  private final String authorization;
  private final Clock clock;

  public AgentServiceTokens(URI agentUrl, String service, String secret, Clock clock) {
    this.endpoint = agentUrl.resolve("/auth/service-token");
    this.authorization = secret == null || secret.isBlank() ? null
        : "Basic " + Base64.getEncoder().encodeToString((service + ":" + secret).getBytes(StandardCharsets.UTF_8));
    this.clock = clock;
  }

  @Override
  public CompletionStage<ServiceToken> obtain() {
    if (authorization == null) {
      return CompletableFuture.completedFuture(null);
    }
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT).header("Authorization", authorization)
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build();
    Instant asked = clock.instant();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
      if (response.statusCode() != 200) {
        throw new IllegalStateException(endpoint + " answered " + response.statusCode() + " to this service's credentials");
      }
      JsonNode body = read(response.body());
      // counted from the moment it was asked for: the token cannot be older than that
      return new ServiceToken(body.path("access_token").asText(), asked, asked.plusSeconds(body.path("expires_in").asLong()));
    });
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
