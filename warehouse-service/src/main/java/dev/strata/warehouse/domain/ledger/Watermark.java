package dev.strata.warehouse.domain.ledger;

import dev.strata.kernel.messaging.contract.DatasetIdentity;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The coverage a promotion took in for one dataset identity, written in the seed's format
 * {@code domain|source|dataset|discriminator|ticker@coverage_from=…;coverage_to=…} (null
 * discriminator and ticker as empty).
 */
public record Watermark(String identityKey, Instant coverageFrom, Instant coverageTo) {

  public String serialize() {
    return identityKey + "@coverage_from=" + Objects.toString(coverageFrom, "") + ";coverage_to="
        + Objects.toString(coverageTo, "");
  }

  /** One watermark per identity spanning the given files, sorted by identity key. */
  public static List<Watermark> spanning(Collection<FileIngestion> files) {
    Map<String, Watermark> byKey = new LinkedHashMap<>();
    for (FileIngestion file : files) {
      byKey.merge(key(file.identity()), new Watermark(key(file.identity()), file.coverageFrom(), file.coverageTo()),
          Watermark::union);
    }
    return byKey.values().stream().sorted(Comparator.comparing(Watermark::identityKey)).toList();
  }

  /** The serialized watermarks joined by commas, as a promotion records its input. */
  public static String serializeAll(Collection<Watermark> watermarks) {
    return watermarks.stream().map(Watermark::serialize).collect(Collectors.joining(","));
  }

  public static String key(DatasetIdentity identity) {
    return identity.key();
  }

  private Watermark union(Watermark other) {
    return new Watermark(identityKey, min(coverageFrom, other.coverageFrom), max(coverageTo, other.coverageTo));
  }

  private static Instant min(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
