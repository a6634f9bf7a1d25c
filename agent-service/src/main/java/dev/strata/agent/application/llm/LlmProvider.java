package dev.strata.agent.application.llm;

import dev.strata.agent.domain.llm.ChatCompletion;
import dev.strata.agent.domain.llm.ChatRequest;
import dev.strata.agent.domain.llm.LlmStatus;
import io.smallrye.mutiny.Uni;

/**
 * The language model behind the gateway (an OpenAI-compatible chat-completions endpoint). Ports of
 * this service live in {@code application} rather than {@code domain} because they are
 * asynchronous and the domain may not depend on Mutiny.
 */
public interface LlmProvider {

  /**
   * Asks the provider; {@code request.model()} is already resolved. Fails with
   * {@link LlmUnavailable} when the provider cannot answer, or a
   * {@link dev.strata.kernel.error.DomainException} when it rejects the request as invalid.
   */
  Uni<ChatCompletion> complete(ChatRequest request);

  /** Whether a provider is configured, and which model is the default. */
  LlmStatus status();
}
