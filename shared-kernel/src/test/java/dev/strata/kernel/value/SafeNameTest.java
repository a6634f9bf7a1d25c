package dev.strata.kernel.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.kernel.error.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeNameTest {

  /** Names that would escape a folder, truncate a C string or impersonate another name. */
  static final String[] HOSTILE = {
    "../etc", "..", "a/../../b", "/etc/passwd", "C:\\x", "a\u0000b", "x".repeat(300),
    "\u0410APL" /* Cyrillic A */, "churn\u2010model" /* Unicode hyphen */, "", " ", "a b", "a\nb", "%2e%2e"
  };

  @ParameterizedTest
  @EnumSource(SafeName.class)
  void noKindOfNameAcceptsAHostileValue(SafeName kind) {
    for (String hostile : HOSTILE) {
      assertThat(kind.accepts(hostile)).as("%s accepts %s", kind, hostile).isFalse();
      assertThatThrownBy(() -> kind.require(hostile)).isInstanceOf(DomainException.Invalid.class);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"AAPL", "SPX", "BRK.B", "ETH-USD", "^GSPC"})
  void symbolsOfRealMarketsAreAccepted(String symbol) {
    assertThat(SafeName.SYMBOL.accepts(symbol)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1m", "5m", "15m", "1h", "1d"})
  void barFramesAreAccepted(String frame) {
    assertThat(SafeName.FRAME.accepts(frame)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"churn_model", "risk_model", "usage", "telco-customers"})
  void identifiersAreAccepted(String name) {
    assertThat(SafeName.IDENTIFIER.accepts(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"report.pdf", "model.onnx", "2026-01-01_export.csv"})
  void ordinaryFileNamesAreAccepted(String name) {
    assertThat(SafeName.FILE_NAME.accepts(name)).isTrue();
  }
}
