package dev.strata.agent.domain.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentTypesTest {

  private final ContentTypes types = new ContentTypes(List.of("application/pdf", "text/*", "image/png"));

  @Test
  void anAllowedTypeIsRecordedLowerCasedWithItsCharsetOnly() {
    assertThat(types.require("Application/PDF")).isEqualTo("application/pdf");
    assertThat(types.require("text/csv; charset=UTF-8; header=present")).isEqualTo("text/csv;charset=utf-8");
    assertThat(types.require("image/png")).isEqualTo("image/png");
  }

  @Test
  void aMissingMalformedOrUnlistedTypeIsUnsupported() {
    for (String refused : new String[] {null, "", "pdf", "image/svg+xml", "multipart/form-data; boundary=x", "text/", "/x",
        "application/pdf/x"}) {
      assertThatThrownBy(() -> types.require(refused)).as(String.valueOf(refused)).isInstanceOf(UnsupportedContentType.class);
    }
  }
}
