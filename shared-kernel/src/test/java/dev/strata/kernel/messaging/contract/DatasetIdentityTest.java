package dev.strata.kernel.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.kernel.messaging.EnvelopeCodec;
import org.junit.jupiter.api.Test;

class DatasetIdentityTest {

  private final ObjectMapper mapper = EnvelopeCodec.defaultMapper();

  @Test
  void barsAreMarketBarsOfTheirSourceFrameAndSymbolOnTheWire() throws Exception {
    assertThat(mapper.writeValueAsString(DatasetIdentity.bars("producer", "1d", "SPX")))
        .isEqualTo("{\"domain\":\"market\",\"source\":\"producer\",\"dataset\":\"bars\",\"discriminator\":\"1d\",\"ticker\":\"SPX\"}");
  }

  @Test
  void usageIsCustomerUsageFromEventsWithoutDiscriminatorOrTickerOnTheWire() throws Exception {
    assertThat(mapper.writeValueAsString(DatasetIdentity.usage()))
        .isEqualTo("{\"domain\":\"customer\",\"source\":\"events\",\"dataset\":\"usage\"}");
  }

  @Test
  void theKindComesFromDomainAndDatasetWhateverTheSource() {
    assertThat(DatasetIdentity.bars("alpaca", "5m", "AAPL").kind()).contains(DatasetKind.BARS);
    assertThat(new DatasetIdentity("market", "anyone", "bars", null, null).kind()).contains(DatasetKind.BARS);
    assertThat(DatasetIdentity.usage().kind()).contains(DatasetKind.USAGE);
  }

  @Test
  void aDatasetNoFactoryNamesHasNoKind() {
    assertThat(new DatasetIdentity("market", "producer", "quotes", null, "SPX").kind()).isEmpty();
    assertThat(new DatasetIdentity("customer", "events", "bars", null, null).kind()).isEmpty();
  }
}
