package dev.strata.warehouse.domain.keymap;

import java.util.List;
import java.util.Objects;

/**
 * One dataset of the keymap: its identity (domain, source, dataset, discriminator), how tickers
 * partition it, the columns that key a row, and the version of that layout.
 *
 * @param discriminator null when the dataset has none
 */
public record KeymapEntry(
    String domain, String source, String dataset, String discriminator, TickerScope tickerScope,
    List<String> keyColumns, int version) {

  public KeymapEntry {
    keyColumns = List.copyOf(keyColumns);
  }

  /** {@code domain|source|dataset|discriminator}, null as empty: what must be unique in a keymap. */
  public String identity() {
    return String.join("|", domain, source, dataset, Objects.toString(discriminator, ""));
  }
}
