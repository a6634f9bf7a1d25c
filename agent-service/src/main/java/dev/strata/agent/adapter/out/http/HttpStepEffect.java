package dev.strata.agent.adapter.out.http;

import dev.strata.agent.domain.execution.StepEffects;
import dev.strata.agent.domain.workflow.HttpStepUrl;
import dev.strata.agent.domain.workflow.Step;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The {@code http} step: sends the rendered {@code method} (default POST) with {@code body} to
 * {@code url} through {@link GuardedHttp} (egress policy, redirects re-checked, bounded answer);
 * any non-2xx answer fails the attempt so the runner retries it. Output: {@code {status, body}}.
 */
public class HttpStepEffect implements StepEffects {

  private final GuardedHttp http;

  public HttpStepEffect(GuardedHttp http) {
    this.http = http;
  }

  @Override
  public CompletionStage<Object> perform(Step step, Map<String, Object> input) {
    // saved workflows were checked too, but a placeholder renders only now
    URI url = HttpStepUrl.require(step.param("url", ""));
    String method = step.param("method", "POST").toUpperCase();
    String body = method.equals("GET") ? null : step.param("body", "");
    var call = new GuardedHttp.Call(method, url, Map.of("Content-Type", step.param("contentType", "application/json")), body);
    return http.send(call).thenApply(answer -> Map.of("status", answer.status(), "body", answer.body()));
  }
}
