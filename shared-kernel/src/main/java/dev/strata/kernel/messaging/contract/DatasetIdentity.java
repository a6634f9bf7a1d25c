package dev.strata.kernel.messaging.contract;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Which dataset a bronze file belongs to. {@code discriminator} (e.g. the bar frame) and
 * {@code ticker} may be null; they compare as empty strings. Ingest names its datasets with
 * {@link #bars} and {@link #usage}; a consumer tells them apart with {@link #kind()}.
 */
public record DatasetIdentity(
    String domain, String source, String dataset, String discriminator, String ticker) {

  /** The one source usage events are filed under, whoever produced them. */
  private static final String USAGE_SOURCE = "events";

  public DatasetIdentity {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(dataset, "dataset");
  }

  /** One symbol's bars of one frame (e.g. {@code 1d}) from {@code source} ({@code producer}, a provider). */
  public static DatasetIdentity bars(String source, String frame, String symbol) {
    return new DatasetIdentity(DatasetKind.BARS.domain(), source, DatasetKind.BARS.dataset(), frame, symbol);
  }

  /** Customer usage events: one dataset, without discriminator or ticker. */
  public static DatasetIdentity usage() {
    return new DatasetIdentity(DatasetKind.USAGE.domain(), USAGE_SOURCE, DatasetKind.USAGE.dataset(), null, null);
  }

  /** The kind of dataset this is, by domain and dataset; empty for one no factory here names. */
  public Optional<DatasetKind> kind() {
    return Arrays.stream(DatasetKind.values()).filter(kind -> kind.names(this)).findFirst();
  }

  /** {@code domain|source|dataset|discriminator|ticker}, nulls as empty: the watermark key. */
  public String key() {
    return String.join(
        "|", domain, source, dataset, Objects.toString(discriminator, ""), Objects.toString(ticker, ""));
  }
}
