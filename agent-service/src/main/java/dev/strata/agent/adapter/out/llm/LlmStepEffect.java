package dev.strata.agent.adapter.out.llm;

import dev.strata.agent.application.llm.ChatAnswer;
import dev.strata.agent.application.llm.CompleteChat;
import dev.strata.agent.domain.execution.StepEffects;
import dev.strata.agent.domain.llm.ChatMessage;
import dev.strata.agent.domain.llm.ChatRequest;
import dev.strata.agent.domain.workflow.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The {@code llm} step through the LLM gateway (its cache included): {@code prompt}, optional {@code system}
 * and {@code model}, at temperature 0. Output: the answer's text.
 */
public class LlmStepEffect implements StepEffects {

  private final CompleteChat completeChat;

  public LlmStepEffect(CompleteChat completeChat) {
    this.completeChat = completeChat;
  }

  @Override
  public CompletionStage<Object> perform(Step step, Map<String, Object> input) {
    List<ChatMessage> messages = new ArrayList<>();
    String system = step.param("system", "");
    if (!system.isBlank()) {
      messages.add(new ChatMessage("system", system));
    }
    messages.add(ChatMessage.user(step.param("prompt", "")));
    var request = new ChatRequest(step.param("model", null), messages, 0.0, null, null, null, null, null, null, null);
    return completeChat.run(request).map(ChatAnswer::text).map(text -> (Object) text).subscribeAsCompletionStage();
  }
}
