package dev.strata.agent.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.kernel.error.DomainException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachePolicyTest {

  private final CachePolicy policy = new CachePolicy(Duration.ofHours(24), Duration.ofDays(30));

  private static ChatRequest request(Double temperature, Boolean cache, Duration ttl) {
    return new ChatRequest("m", List.of(ChatMessage.user("hi")), temperature, null, null, null, null, null, cache, ttl);
  }

  @Test
  void onlyDeterministicRequestsAreCachedByDefault() {
    assertThat(policy.cacheable(request(0.0, null, null))).isTrue();
    assertThat(policy.cacheable(request(0.7, null, null))).isFalse();
    assertThat(policy.cacheable(request(null, null, null))).isFalse();
  }

  @Test
  void theExplicitFlagWinsInBothDirections() {
    assertThat(policy.cacheable(request(0.7, true, null))).isTrue();
    assertThat(policy.cacheable(request(0.0, false, null))).isFalse();
  }

  @Test
  void entriesLiveADayUnlessTheRequestAsksOtherwiseWithinTheMaximum() {
    assertThat(policy.ttl(request(0.0, null, null))).isEqualTo(Duration.ofHours(24));
    assertThat(policy.ttl(request(0.0, null, Duration.ofMinutes(5)))).isEqualTo(Duration.ofMinutes(5));
    assertThatThrownBy(() -> policy.ttl(request(0.0, null, Duration.ofDays(31)))).isInstanceOf(DomainException.Invalid.class);
  }

  @Test
  void malformedRequestsAreRejectedAsTheClientsMistake() {
    assertThatThrownBy(() -> new ChatRequest("m", List.of(), 0.0, null, null, null, null, null, null, null))
        .isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> request(3.0, null, null)).isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> request(0.0, null, Duration.ZERO)).isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> new ChatMessage("wizard", "hi")).isInstanceOf(DomainException.Invalid.class);
  }
}
