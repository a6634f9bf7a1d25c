package dev.strata.agent.adapter.out.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.agent.domain.egress.EgressRefused;
import dev.strata.agent.domain.notification.Webhook;
import dev.strata.agent.domain.workflow.HttpStepUrl;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.messaging.contract.NotificationSend;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * {@link Webhook} over {@link GuardedHttp}: POSTs the notification as JSON with the Standard Webhooks
 * headers {@code webhook-id} (the delivery id) and {@code webhook-timestamp} (epoch seconds of the attempt);
 * a URL the egress policy denies and a 4xx are refusals, 5xx or I/O a transient failure.
 */
public class HttpWebhook implements Webhook {

  private final GuardedHttp http;
  private final ObjectMapper mapper;
  private final Clock clock;

  public HttpWebhook(GuardedHttp http, ObjectMapper mapper, Clock clock) {
    this.http = http;
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public CompletionStage<Void> post(String url, UUID deliveryId, NotificationSend notification) {
    URI uri;
    try {
      uri = HttpStepUrl.require(url);
    } catch (DomainException.Invalid e) {
      throw new Refused("webhook URL must be http(s) with a host and no user-info");
    }
    var call = new GuardedHttp.Call("POST", uri, Map.of("Content-Type", "application/json",
        "webhook-id", deliveryId.toString(), "webhook-timestamp", String.valueOf(clock.instant().getEpochSecond())), json(notification));
    return http.send(call).<Void>thenApply(answer -> null).exceptionally(failure -> {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
      if (cause instanceof EgressRefused refused) {
        throw new Refused(refused.getMessage());
      }
      // the URL itself is often the webhook's secret: messages name the status only
      if (cause instanceof GuardedHttp.ErrorStatus error) {
        boolean permanent = error.status() / 100 == 4 && error.status() != 408 && error.status() != 429;
        throw permanent ? new Refused("webhook answered " + error.status()) : new IllegalStateException("webhook answered " + error.status());
      }
      throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
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
