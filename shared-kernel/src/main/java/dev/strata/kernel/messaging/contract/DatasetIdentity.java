package dev.strata.kernel.messaging.contract;

import java.util.Objects;

/**
 * Which dataset a bronze file belongs to. {@code discriminator} (e.g. the bar frame) and
 * {@code ticker} may be null; they compare as empty strings.
 */
public record DatasetIdentity(
    String domain, String source, String dataset, String discriminator, String ticker) {

  public DatasetIdentity {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(dataset, "dataset");
  }

  /** {@code domain|source|dataset|discriminator|ticker}, nulls as empty: the watermark key. */
  public String key() {
    return String.join(
        "|", domain, source, dataset, Objects.toString(discriminator, ""), Objects.toString(ticker, ""));
  }
}
