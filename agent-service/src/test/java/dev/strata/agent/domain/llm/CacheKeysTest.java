package dev.strata.agent.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeysTest {

  private static ChatRequest request(String model, String prompt, Double temperature, Integer maxTokens,
      List<String> stop, List<Map<String, Object>> tools, String template) {
    return new ChatRequest(model, List.of(ChatMessage.system("be brief"), ChatMessage.user(prompt)),
        temperature, null, maxTokens, stop, tools, template, null, null);
  }

  private static ChatRequest base() {
    return request("gpt-4o-mini", "What is churn?", 0.0, 100, List.of("END"), List.of(), "v1");
  }

  @Test
  void theSameRequestAlwaysGetsTheSameKey() {
    assertThat(CacheKeys.of(base())).isEqualTo(CacheKeys.of(base()));
  }

  @Test
  void theKeyIsTheModelAndTheFull256BitDigestAndCarriesNoPromptText() {
    CacheKey key = CacheKeys.of(base());
    assertThat(key.value()).matches("llm:gpt-4o-mini:[0-9a-f]{64}");
    assertThat(key.value()).doesNotContain("churn");
  }

  @Test
  void everyParameterThatChangesTheAnswerChangesTheKey() {
    CacheKey original = CacheKeys.of(base());
    assertThat(List.of(
        request("gpt-4o", "What is churn?", 0.0, 100, List.of("END"), List.of(), "v1"),
        request("gpt-4o-mini", "What is churn? ", 0.0, 100, List.of("END"), List.of(), "v1"),
        request("gpt-4o-mini", "What is churn?", 0.2, 100, List.of("END"), List.of(), "v1"),
        request("gpt-4o-mini", "What is churn?", 0.0, 101, List.of("END"), List.of(), "v1"),
        request("gpt-4o-mini", "What is churn?", 0.0, 100, List.of("STOP"), List.of(), "v1"),
        request("gpt-4o-mini", "What is churn?", 0.0, 100, List.of("END"), List.of(Map.of("type", "function")), "v1"),
        request("gpt-4o-mini", "What is churn?", 0.0, 100, List.of("END"), List.of(), "v2")))
        .extracting(CacheKeys::of)
        .doesNotContain(original)
        .doesNotHaveDuplicates();
  }

  @Test
  void cachingInstructionsAndStopOrderAndMapKeyOrderDoNotSplitOneAnswerIntoTwoEntries() {
    ChatRequest a = new ChatRequest("m", List.of(ChatMessage.user("hi")), 0.0, null, null, List.of("a", "b"),
        List.of(Map.of("type", "function", "name", "f")), null, null, null);
    ChatRequest b = new ChatRequest("m", List.of(ChatMessage.user("hi")), 0.0, null, null, List.of("b", "a"),
        List.of(Map.of("name", "f", "type", "function")), null, true, Duration.ofHours(1));
    assertThat(CacheKeys.of(a)).isEqualTo(CacheKeys.of(b));
  }

  @Test
  void messageBoundariesAreUnambiguous() {
    ChatRequest split = new ChatRequest("m", List.of(ChatMessage.user("ab"), ChatMessage.user("c")), 0.0, null, null, null, null, null, null, null);
    ChatRequest shifted = new ChatRequest("m", List.of(ChatMessage.user("a"), ChatMessage.user("bc")), 0.0, null, null, null, null, null, null, null);
    assertThat(CacheKeys.of(split)).isNotEqualTo(CacheKeys.of(shifted));
  }
}
