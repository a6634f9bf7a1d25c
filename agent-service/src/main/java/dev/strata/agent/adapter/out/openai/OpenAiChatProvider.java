package dev.strata.agent.adapter.out.openai;

import dev.strata.agent.application.llm.LlmProvider;
import dev.strata.agent.application.llm.LlmUnavailable;
import dev.strata.agent.domain.llm.ChatCompletion;
import dev.strata.agent.domain.llm.ChatRequest;
import dev.strata.agent.domain.llm.LlmStatus;
import dev.strata.agent.settings.LlmConfig;
import dev.strata.kernel.error.DomainException;
import dev.strata.support.http.RetryAfter;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * {@link LlmProvider} for any OpenAI-compatible chat-completions server (OpenAI, Ollama, vLLM,
 * llama.cpp server). Each attempt is bounded by a timeout; 429, 5xx and connection failures are
 * retried with backoff that honours {@code Retry-After}; a circuit breaker stops hammering a
 * provider that keeps failing. Other 4xx answers are the request's fault and are not retried.
 * Override the limits with MicroProfile FT keys, e.g.
 * {@code dev.strata.agent.adapter.out.openai.OpenAiChatProvider/complete/Retry/maxRetries=5}.
 */
@ApplicationScoped
public class OpenAiChatProvider implements LlmProvider {

  private final LlmStatus status;
  private final OpenAiApi api;

  public OpenAiChatProvider(LlmConfig config) {
    this.status = config.baseUrl()
        .map(url -> new LlmStatus(true, config.model(), endpoint(url)))
        .orElse(LlmStatus.unconfigured());
    this.api = config.baseUrl().map(url -> client(url, config)).orElse(null);
  }

  @Override
  @Timeout(value = 60, unit = java.time.temporal.ChronoUnit.SECONDS)
  @Retry(maxRetries = 3, delay = 250, maxDuration = 100, durationUnit = java.time.temporal.ChronoUnit.SECONDS,
      retryOn = ProviderBusy.class)
  @CustomBackoff(RetryAfterBackoff.class)
  @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 15, delayUnit = java.time.temporal.ChronoUnit.SECONDS,
      skipOn = DomainException.class)
  public Uni<ChatCompletion> complete(ChatRequest request) {
    if (api == null) {
      return Uni.createFrom().failure(new LlmUnavailable("the LLM gateway is not configured (LLM_BASE_URL is unset)"));
    }
    return api.complete(OpenAiRequest.of(request))
        .map(response -> response.toDomain(request.model()))
        .onFailure(WebApplicationException.class).transform(failure -> translate((WebApplicationException) failure))
        .onFailure(failure -> failure instanceof ProcessingException || failure instanceof java.io.IOException)
        .transform(failure -> new ProviderBusy("the LLM provider could not be reached", java.util.Optional.empty(), failure));
  }

  @Override
  public LlmStatus status() {
    return status;
  }

  private static RuntimeException translate(WebApplicationException failure) {
    int code = failure.getResponse().getStatus();
    if (code == 429 || code >= 500) {
      return new ProviderBusy("the LLM provider answered HTTP " + code,
          RetryAfter.of(failure.getResponse().getHeaderString("Retry-After"), Instant.now()), failure);
    }
    if (code == 401 || code == 403) {
      // our credentials, not the caller's request: report the gateway as unavailable
      return new LlmUnavailable("the LLM provider refused the gateway's credentials (HTTP " + code + ")", failure);
    }
    return new DomainException.Invalid("the LLM provider rejected the request (HTTP " + code + ")");
  }

  private static OpenAiApi client(URI baseUrl, LlmConfig config) {
    QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
        .baseUri(baseUrl)
        .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    config.apiKey().filter(key -> !key.isBlank()).ifPresent(key -> builder
        .clientHeadersFactory((incoming, outgoing) -> {
          outgoing.putSingle("Authorization", "Bearer " + key);
          return outgoing;
        })
        .loggingMaskedHeaders(java.util.Set.of("Authorization")));
    return builder.build(OpenAiApi.class);
  }

  /** Scheme, host and port only: a base URL may carry credentials or tokens in user-info or query. */
  private static String endpoint(URI url) {
    return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }
}
