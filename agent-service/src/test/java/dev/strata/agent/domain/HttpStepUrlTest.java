package dev.strata.agent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.agent.domain.workflow.HttpStepUrl;
import dev.strata.kernel.error.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpStepUrlTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "file:///etc/passwd | must be http or https",
      "ftp://example.com/x | must be http or https",
      "/relative/path | must be http or https",
      "http:///no-host | needs a host",
      "https://user:secret@example.com/hook | must not carry user-info",
      "https://user@example.com | must not carry user-info",
      "http://exa mple.com | is not a URL"})
  void aCallIsRefusedUnlessItsRenderedUrlIsHttpWithAHostAndNoUserInfo(String url, String why) {
    assertThatThrownBy(() -> HttpStepUrl.require(url)).isInstanceOf(DomainException.Invalid.class).hasMessageContaining(why);
  }

  @Test
  void anHttpOrHttpsUrlWithAHostIsCalled() {
    assertThat(HttpStepUrl.require("https://example.com/hook?x=1").getHost()).isEqualTo("example.com");
    assertThat(HttpStepUrl.require("HTTP://127.0.0.1:8080/").getPort()).isEqualTo(8080);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{{input.url}} | must start with http:// or https://",
      "file://{{input.path}} | must start with http:// or https://",
      "https://user@{{input.host}}/x | must not carry user-info",
      "https://user:pw@example.com/{{input.path}} | must not carry user-info",
      "http:///{{input.path}} | needs a host",
      "file:///etc/passwd | must be http or https"})
  void aSavedTemplateIsRefusedWhenItsLiteralPartAlreadyBreaksTheRule(String template, String why) {
    assertThatThrownBy(() -> HttpStepUrl.requireSavable(template)).isInstanceOf(DomainException.Invalid.class).hasMessageContaining(why);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com/{{input.path}}", "https://{{input.host}}/hook", "http://example.com?q={{steps.a}}", "https://example.com"})
  void aSavedTemplateWhosePlaceholdersRenderLaterIsAccepted(String template) {
    HttpStepUrl.requireSavable(template);
  }
}
