package dev.strata.warehouse.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.warehouse.adapter.out.files.YamlKeymapSource;
import dev.strata.warehouse.application.ValidateKeymap;
import dev.strata.warehouse.domain.keymap.KeymapInvalid;
import dev.strata.warehouse.domain.keymap.TickerScope;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlKeymapTest {

  @TempDir Path temp;

  private YamlKeymapSource keymap(String yaml) throws Exception {
    Path file = temp.resolve("keymap.yaml");
    Files.writeString(file, yaml);
    return new YamlKeymapSource("filesystem:" + file, getClass().getClassLoader());
  }

  @Test
  void theShippedKeymapIsValidAndMatchesTheDatasetsTheCodePromotes() {
    var shipped = new YamlKeymapSource("classpath:keymap/datasets.yaml", getClass().getClassLoader());

    assertThat(shipped.load().entries()).hasSize(3)
        .anySatisfy(entry -> assertThat(entry.tickerScope()).isEqualTo(TickerScope.GLOBAL));
    assertThat(new ValidateKeymap(shipped, true).run()).isEmpty();
  }

  @Test
  void everyMissingFieldBadEnumAndDuplicateIdentityIsNamedPrecisely() throws Exception {
    var source = keymap("""
        datasets:
          - domain: market
            source: producer
            dataset: bars
            ticker_scope: per_ticker
            key_columns: [symbol, ts]
            version: 1
          - domain: market
            source: producer
            dataset: bars
            ticker_scope: per_ticker
            key_columns: [symbol, ts]
            version: 2
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
        """);

    assertThatThrownBy(source::load).isInstanceOf(KeymapInvalid.class).satisfies(e ->
        assertThat(((KeymapInvalid) e).errors()).containsExactly(
            "datasets[1]: duplicate identity market|producer|bars|",
            "datasets[2].source: missing",
            "datasets[3].ticker_scope: must be one of per_ticker, global, was 'sometimes'",
            "datasets[3].key_columns: must be a non-empty list of column names",
            "datasets[3].version: must be a positive integer, was '0'"));
  }

  @Test
  void aKeymapThatDiffersFromTheCodeWarnsAndFailsOnlyInStrictMode() throws Exception {
    var source = keymap("""
        datasets:
          - domain: market
            source: producer
            dataset: quotes
            ticker_scope: per_ticker
            key_columns: [symbol, ts]
            version: 1
        """);

    assertThat(new ValidateKeymap(source, false).run())
        .contains("keymap lists market/quotes, which the warehouse does not promote",
            "the warehouse promotes market/bars, which the keymap does not list");
    assertThatThrownBy(() -> new ValidateKeymap(source, true).run()).isInstanceOf(KeymapInvalid.class)
        .hasMessageContaining("market/quotes");
  }

  @Test
  void aMissingFileOrADocumentWithoutDatasetsIsRefused() throws Exception {
    assertThatThrownBy(() -> new YamlKeymapSource("filesystem:" + temp.resolve("absent.yaml"), getClass().getClassLoader()).load())
        .isInstanceOf(KeymapInvalid.class).hasMessageContaining("not found");
    assertThatThrownBy(() -> keymap("other: 1\n").load()).isInstanceOf(KeymapInvalid.class)
        .hasMessageContaining("'datasets' list");
  }
}
