package dev.strata.warehouse.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.kernel.messaging.contract.DatasetKind;
import dev.strata.warehouse.adapter.out.files.YamlKeymapSource;
import dev.strata.warehouse.application.ValidateKeymap;
import dev.strata.warehouse.domain.keymap.KeymapInvalid;
import dev.strata.warehouse.domain.keymap.PromotionRule;
import dev.strata.warehouse.domain.keymap.SilverKeys;
import dev.strata.warehouse.domain.keymap.TickerScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlKeymapTest {

  /** The primary keys migration 002 gives the silver tables. */
  static final SilverKeys SCHEMA = layout -> CompletableFuture.completedFuture(layout == DatasetKind.BARS
      ? new SilverKeys.SilverKey("silver.bars", List.of("symbol", "frame", "ts"))
      : new SilverKeys.SilverKey("silver.usage", List.of("customer_id", "ts", "event")));

  @TempDir Path temp;

  private YamlKeymapSource keymap(String yaml) throws Exception {
    Path file = temp.resolve("keymap.yaml");
    Files.writeString(file, yaml);
    return new YamlKeymapSource("filesystem:" + file, getClass().getClassLoader(), Runnable::run);
  }

  @Test
  void theShippedKeymapIsValidMatchesTheSchemasKeysAndListsEveryDatasetIngestLands() {
    var shipped = new YamlKeymapSource("classpath:keymap/datasets.yaml", getClass().getClassLoader(), Runnable::run);

    assertThat(shipped.load().toCompletableFuture().join().entries()).hasSize(3)
        .anySatisfy(entry -> assertThat(entry.tickerScope()).isEqualTo(TickerScope.GLOBAL))
        .allSatisfy(entry -> assertThat(entry.promotion().trigger()).isEqualTo(PromotionRule.Trigger.ON_INGEST));
    assertThat(new ValidateKeymap(shipped, SCHEMA, true).run().await().indefinitely().warnings()).isEmpty();
  }

  @Test
  void everyMissingFieldBadEnumBadColumnAndDuplicateIdentityIsNamedPrecisely() throws Exception {
    var source = keymap("""
        datasets:
          - domain: market
            source: producer
            dataset: bars
            ticker_scope: per_ticker
            key_columns: [symbol, ts]
            version: 1
            promotion: {into: bars}
          - domain: market
            source: producer
            dataset: bars
            ticker_scope: per_ticker
            key_columns: [symbol, ts]
            version: 2
            promotion: {into: bars}
          - domain: customer
            dataset: usage
            ticker_scope: each
            key_columns: [customer_id]
            version: 1
          - domain: customer
            source: events
            dataset: usage
            ticker_scope: sometimes
            key_columns: []
            version: 0
            promotion: {into: quotes, trigger: hourly, max_row_loss: 2, keep: all}
          - domain: customer
            source: app
            dataset: usage
            ticker_scope: global
            key_columns: [customer_id, "ts; DROP TABLE silver.usage", customer_id]
            version: 1
            promotion: {trigger: manual}
        """);

    assertThatThrownBy(() -> source.load().toCompletableFuture().join()).cause().isInstanceOf(KeymapInvalid.class).satisfies(e ->
        assertThat(((KeymapInvalid) e).errors()).containsExactly(
            "datasets[1]: duplicate identity market|producer|bars|",
            "datasets[2].source: missing",
            "datasets[2].promotion: missing",
            "datasets[3].ticker_scope: must be one of per_ticker, global, was 'sometimes'",
            "datasets[3].key_columns: must be a non-empty list of column names",
            "datasets[3].version: must be a positive integer, was '0'",
            "datasets[3].promotion.keep: unknown field",
            "datasets[3].promotion.into: must be one of bars, usage, was 'quotes'",
            "datasets[3].promotion.trigger: must be one of on_ingest, manual, was 'hourly'",
            "datasets[3].promotion.max_row_loss: must be a number in [0, 1), was '2'",
            "datasets[4].key_columns: 'ts; DROP TABLE silver.usage' is not a column name",
            "datasets[4].key_columns: a column is listed twice",
            "datasets[4].promotion.into: missing"));
  }

  @Test
  void keyColumnsThatAreNotTheSilverTablesPrimaryKeyAlwaysRefuseNamingBoth() throws Exception {
    var source = keymap("""
        datasets:
          - domain: market
            source: producer
            dataset: bars
            ticker_scope: per_ticker
            key_columns: [ts, frame, symbol]
            version: 1
            promotion: {into: bars}
          - domain: customer
            source: events
            dataset: usage
            ticker_scope: global
            key_columns: [customer_id, ts]
            version: 1
            promotion: {into: usage}
          - domain: customer
            source: app
            dataset: usage
            ticker_scope: global
            key_columns: [customer_id, ts, event]
            version: 1
            promotion: {into: bars}
        """);

    assertThatThrownBy(() -> new ValidateKeymap(source, SCHEMA, false).run().await().indefinitely()).isInstanceOf(KeymapInvalid.class)
        .satisfies(e -> assertThat(((KeymapInvalid) e).errors()).containsExactly(
            "datasets[1] (customer|events|usage|).key_columns: [customer_id, ts] is not the primary key of silver.usage "
                + "[customer_id, ts, event]",
            "datasets[2] (customer|app|usage|).key_columns: [customer_id, ts, event] is not the primary key of silver.bars "
                + "[symbol, frame, ts]"))
        .hasMessageStartingWith("dataset keymap filesystem:" + temp.resolve("keymap.yaml") + " is invalid: ");
  }

  @Test
  void aKeymapThatLeavesOutALandedDatasetWarnsAndFailsOnlyInStrictMode() throws Exception {
    var source = keymap("""
        datasets:
          - domain: market
            source: producer
            dataset: quotes
            ticker_scope: per_ticker
            key_columns: [symbol, frame, ts]
            version: 1
            promotion: {into: bars}
        """);

    assertThat(new ValidateKeymap(source, SCHEMA, false).run().await().indefinitely().warnings())
        .contains("keymap lists market/quotes, which ingest does not land",
            "ingest lands market/bars, which the keymap does not list: its files are not promoted");
    assertThatThrownBy(() -> new ValidateKeymap(source, SCHEMA, true).run().await().indefinitely()).isInstanceOf(KeymapInvalid.class)
        .hasMessageContaining("market/quotes");
  }

  @Test
  void aMissingFileOrADocumentWithoutDatasetsIsRefused() throws Exception {
    assertThatThrownBy(() -> new YamlKeymapSource("filesystem:" + temp.resolve("absent.yaml"), getClass().getClassLoader(),
        Runnable::run).load().toCompletableFuture().join())
        .cause().isInstanceOf(KeymapInvalid.class).hasMessageContaining("not found");
    assertThatThrownBy(() -> keymap("other: 1\n").load().toCompletableFuture().join()).cause().isInstanceOf(KeymapInvalid.class)
        .hasMessageContaining("'datasets' list");
  }
}
