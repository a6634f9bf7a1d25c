package dev.strata.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.kernel.messaging.EnvelopeCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A REST client of the four services, as any HTTP client would call them: JSON over HTTP with a bearer token. */
public final class PlatformClient {

  /** A non-2xx answer, with the problem+json body the service gave. */
  public static final class HttpProblem extends RuntimeException {
    public final int status;

    HttpProblem(String request, int status, String body) {
      super(request + " → " + status + ": " + body);
      this.status = status;
    }
  }

  private final ObjectMapper json = EnvelopeCodec.defaultMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> baseUrls;
  private volatile String token;

  /** @param baseUrls service name (ingest, warehouse, scoring, agent) → base URL */
  public PlatformClient(Map<String, String> baseUrls) {
    this.baseUrls = Map.copyOf(baseUrls);
  }

  public void useToken(String bearerToken) {
    this.token = bearerToken;
  }

  public JsonNode get(String service, String path) {
    return send(service, "GET", path, null, null);
  }

  public JsonNode post(String service, String path, Object body) {
    return send(service, "POST", path, "application/json", body == null ? "{}" : write(body));
  }

  public JsonNode postText(String service, String path, String contentType, String body) {
    return send(service, "POST", path, contentType, body);
  }

  public JsonNode put(String service, String path, Object body) {
    return send(service, "PUT", path, "application/json", write(body));
  }

  public JsonNode send(String service, String method, String path, String contentType, String body) {
    return send(service, method, path, contentType, body, Map.of());
  }

  public JsonNode send(String service, String method, String path, String contentType, String body, Map<String, String> headers) {
    URI uri = URI.create(baseUrls.get(service) + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Accept", "application/json");
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new HttpProblem(method + " " + uri, response.statusCode(), response.body());
      }
      return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + uri + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private String write(Object body) {
    try {
      return body instanceof String text ? text : json.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
