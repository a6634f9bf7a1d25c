package dev.strata.agent.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.kernel.error.DomainException;
import org.junit.jupiter.api.Test;

class CacheKeyTest {

  private static final String DIGEST = "a".repeat(64);

  @Test
  void aKeyParsesBackEvenWhenTheModelNameContainsColonsAndSlashes() {
    CacheKey key = new CacheKey("Qwen/Qwen2.5-7B:q4", DIGEST);
    assertThat(CacheKey.parse(key.value())).isEqualTo(key);
    assertThat(key.value()).isEqualTo("llm:Qwen/Qwen2.5-7B:q4:" + DIGEST);
  }

  @Test
  void keysWithoutThePrefixOrWithAShortDigestAreRejected() {
    assertThatThrownBy(() -> CacheKey.parse("gpt:" + DIGEST)).isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> CacheKey.parse("llm:gpt:" + "a".repeat(16))).isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> CacheKey.parse(null)).isInstanceOf(DomainException.Invalid.class);
  }

  @Test
  void modelNamesCannotSmuggleRedisGlobCharactersOrTraversal() {
    assertThat(ModelName.accepts("gpt-4o-mini")).isTrue();
    assertThat(ModelName.accepts("llama3.1:8b")).isTrue();
    assertThat(ModelName.accepts("*")).isFalse();
    assertThat(ModelName.accepts("gpt?")).isFalse();
    assertThat(ModelName.accepts("gpt[1]")).isFalse();
    assertThat(ModelName.accepts("a/../b")).isFalse();
    assertThat(ModelName.accepts("has space")).isFalse();
  }
}
