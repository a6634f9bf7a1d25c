package dev.strata.warehouse.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.messaging.contract.DatasetIdentity;
import dev.strata.kernel.messaging.contract.DatasetKind;
import dev.strata.warehouse.domain.keymap.Keymap;
import dev.strata.warehouse.domain.keymap.KeymapEntry;
import dev.strata.warehouse.domain.keymap.PromotionRule;
import dev.strata.warehouse.domain.keymap.TickerScope;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class KeymapIdentityTest {

  private static KeymapEntry bars(String source, String frame, PromotionRule.Trigger trigger) {
    return new KeymapEntry("market", source, "bars", frame, TickerScope.PER_TICKER, List.of("symbol", "frame", "ts"), 1,
        new PromotionRule(DatasetKind.BARS, trigger, OptionalDouble.empty()));
  }

  private static final KeymapEntry USAGE = new KeymapEntry("customer", "events", "usage", null, TickerScope.GLOBAL,
      List.of("customer_id", "ts", "event"), 1, new PromotionRule(DatasetKind.USAGE, PromotionRule.Trigger.ON_INGEST,
      OptionalDouble.empty()));

  private final Keymap keymap = new Keymap("test", List.of(
      bars("alpaca", null, PromotionRule.Trigger.ON_INGEST),
      bars("alpaca", "1m", PromotionRule.Trigger.MANUAL),
      USAGE));

  @Test
  void aFileBelongsToTheEntryOfItsDomainSourceAndDatasetAndTheOneNamingItsDiscriminatorWins() {
    assertThat(keymap.find(DatasetIdentity.bars("alpaca", "1d", "AAPL"))).get()
        .extracting(KeymapEntry::discriminator).isNull();
    assertThat(keymap.find(DatasetIdentity.bars("alpaca", "1m", "AAPL"))).get()
        .extracting(KeymapEntry::discriminator).isEqualTo("1m");
    assertThat(keymap.require(DatasetIdentity.usage())).isEqualTo(USAGE);
  }

  @Test
  void anotherSourceOrATickerWhereTheScopeHasNoneIsNotMapped() {
    assertThat(keymap.matchesIdentity(DatasetIdentity.bars("producer", "1d", "AAPL"))).isFalse();
    assertThat(keymap.matchesIdentity(new DatasetIdentity("market", "alpaca", "bars", "1d", null)))
        .as("per-ticker bars without a ticker").isFalse();
    assertThat(keymap.matchesIdentity(new DatasetIdentity("customer", "events", "usage", null, "AAPL")))
        .as("global usage with a ticker").isFalse();
    assertThatThrownBy(() -> keymap.require(DatasetIdentity.bars("producer", "1d", "AAPL")))
        .isInstanceOf(DomainException.Conflict.class)
        .hasMessage("no dataset of the keymap matches market|producer|bars|1d|AAPL");
  }
}
