package dev.strata.agent.adapter.out.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.agent.domain.notification.Webhook;
import dev.strata.kernel.messaging.contract.NotificationSend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** {@link Webhook} over HTTP: POSTs the notification as JSON; 4xx is a refusal, 5xx or I/O a transient failure. */
public class HttpWebhook implements Webhook {

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper mapper;

  public HttpWebhook(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public CompletionStage<Void> post(String url, NotificationSend notification) {
    URI uri = URI.create(url);
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new Refused("webhook URL must be http(s)");
    }
    HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(notification))).build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(response -> {
      int status = response.statusCode();
      if (status >= 400 && status < 500 && status != 408 && status != 429) {
        throw new Refused("webhook answered " + status);
      }
      if (status / 100 != 2) {
        throw new IllegalStateException("webhook answered " + status);
      }
      return null;
    });
  }

  private String json(NotificationSend notification) {
    try {
      return mapper.writeValueAsString(notification);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
