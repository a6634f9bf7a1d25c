package dev.strata.agent.adapter.out.http;

import dev.strata.agent.domain.execution.StepEffects;
import dev.strata.agent.domain.workflow.HttpStepUrl;
import dev.strata.agent.domain.workflow.Step;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The {@code http} step: sends the rendered {@code method} (default POST) with {@code body} to
 * {@code url}; any non-2xx answer fails the attempt so the runner retries it. Output:
 * {@code {status, body}}.
 */
public class HttpStepEffect implements StepEffects {

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public CompletionStage<Object> perform(Step step, Map<String, Object> input) {
    // saved workflows were checked too, but a placeholder renders only now
    URI url = HttpStepUrl.require(step.param("url", ""));
    String method = step.param("method", "POST").toUpperCase();
    String body = step.param("body", "");
    HttpRequest request = HttpRequest.newBuilder(url)
        .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", step.param("contentType", "application/json"))
        .build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(method + " " + url + " answered " + response.statusCode());
      }
      return Map.of("status", response.statusCode(), "body", response.body());
    });
  }
}
