package dev.strata.agent.domain.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.kernel.error.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNameTest {

  @ParameterizedTest
  @ValueSource(strings = {"report.pdf", "Q3 churn review.xlsx", "Übersicht (final).csv", "データ.json", ".env", "a"})
  void ordinaryNamesIncludingUnicodeAndSpacesAreAccepted(String name) {
    assertThat(FileName.require(name)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../etc/passwd", "/etc/passwd", "a/b", "a\\b", "..", ".", "a\u0000b", "line\nbreak", "tab\tname",
      "evil\u202Etxt.exe", "quote\".txt", " leading", "trailing ", "", "   "})
  void separatorsTraversalControlAndInvisibleCharactersAreRefused(String name) {
    assertThatThrownBy(() -> FileName.require(name)).isInstanceOf(DomainException.Invalid.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {129, 300})
  void namesOverOneHundredTwentyEightCharactersAreRefused(int length) {
    assertThatThrownBy(() -> FileName.require("a".repeat(length))).isInstanceOf(DomainException.Invalid.class);
    assertThat(FileName.require("ü".repeat(128))).hasSize(128);
  }
}
