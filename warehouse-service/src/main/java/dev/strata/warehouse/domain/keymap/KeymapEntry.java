package dev.strata.warehouse.domain.keymap;

import dev.strata.kernel.messaging.contract.DatasetIdentity;
import java.util.List;
import java.util.Objects;

/**
 * One dataset of the keymap: its identity (domain, source, dataset, discriminator), how tickers
 * partition it, the columns that key a row, the version of that layout and how it is promoted.
 *
 * @param discriminator null when any discriminator belongs to the dataset (bars of every frame)
 */
public record KeymapEntry(
    String domain, String source, String dataset, String discriminator, TickerScope tickerScope,
    List<String> keyColumns, int version, PromotionRule promotion) {

  public KeymapEntry {
    keyColumns = List.copyOf(keyColumns);
  }

  /** {@code domain|source|dataset|discriminator}, null as empty: what must be unique in a keymap. */
  public String identity() {
    return String.join("|", domain, source, dataset, Objects.toString(discriminator, ""));
  }

  /**
   * Whether a bronze file of {@code identity} belongs to this dataset: the same domain, source and
   * dataset; the same discriminator unless this entry names none; a ticker exactly when the dataset
   * is partitioned per ticker.
   */
  public boolean matchesIdentity(DatasetIdentity identity) {
    return domain.equals(identity.domain()) && source.equals(identity.source()) && dataset.equals(identity.dataset())
        && (discriminator == null || discriminator.equals(identity.discriminator()))
        && hasTicker(identity) == (tickerScope == TickerScope.PER_TICKER);
  }

  private static boolean hasTicker(DatasetIdentity identity) {
    return identity.ticker() != null && !identity.ticker().isEmpty();
  }
}
