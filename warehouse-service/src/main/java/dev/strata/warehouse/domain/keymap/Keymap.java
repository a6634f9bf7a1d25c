package dev.strata.warehouse.domain.keymap;

import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.messaging.contract.DatasetIdentity;
import dev.strata.kernel.messaging.contract.DatasetKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dataset keymap, read from YAML ({@code datasets: [ {domain, source, dataset, discriminator,
 * ticker_scope, key_columns, version, promotion: {into, trigger, max_row_loss}} ]}): which bronze
 * files the warehouse promotes, on which key and by which rules. Invariants ({@link KeymapDocument}):
 * every required field present and typed, {@code ticker_scope} one of {@code per_ticker|global}, at
 * least one key column, each a plain column name, a positive version, a known promotion layout, and
 * no identity twice.
 *
 * @param source where it was read from, as errors name it
 */
public record Keymap(String source, List<KeymapEntry> entries) {

  // an entry naming the discriminator wins over one that takes any
  private static final Comparator<KeymapEntry> MOST_SPECIFIC_FIRST =
      Comparator.comparing((KeymapEntry entry) -> entry.discriminator() == null);

  public Keymap {
    entries = List.copyOf(entries);
  }

  /** Validates the parsed YAML document, collecting every error before refusing. */
  public static Keymap parse(String source, Object document) {
    return new Keymap(source, KeymapDocument.entries(source, document));
  }

  /** The dataset a bronze file of {@code identity} belongs to, if the keymap maps it. */
  public Optional<KeymapEntry> find(DatasetIdentity identity) {
    return entries.stream().filter(entry -> entry.matchesIdentity(identity)).min(MOST_SPECIFIC_FIRST);
  }

  /** Whether the keymap maps {@code identity}. */
  public boolean matchesIdentity(DatasetIdentity identity) {
    return find(identity).isPresent();
  }

  /** The dataset of {@code identity}; a file the keymap does not map cannot be promoted. */
  public KeymapEntry require(DatasetIdentity identity) {
    return find(identity).orElseThrow(() -> new DomainException.Conflict(unmapped(identity)));
  }

  /** Why a file of {@code identity} is not promoted: no entry maps it. */
  public static String unmapped(DatasetIdentity identity) {
    return "no dataset of the keymap matches " + identity.key();
  }

  /**
   * Where the keymap and the warehouse's schema disagree on a key: each entry's key columns must be
   * the primary key of the silver table it promotes into. A difference would dedupe and MERGE on
   * another key than the table enforces, so it is always an error. {@code silver} holds the key of every
   * layout the entries promote into.
   */
  public List<String> keyMismatches(Map<DatasetKind, SilverKeys.SilverKey> silver) {
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      KeymapEntry entry = entries.get(i);
      SilverKeys.SilverKey key = silver.get(entry.promotion().into());
      if (!Set.copyOf(entry.keyColumns()).equals(Set.copyOf(key.columns())) || entry.keyColumns().size() != key.columns().size()) {
        mismatches.add("datasets[" + i + "] (" + entry.identity() + ").key_columns: " + entry.keyColumns()
            + " is not the primary key of " + key.table() + " " + key.columns());
      }
    }
    return mismatches;
  }

  /** Where the keymap and the datasets ingest lands ({@code domain/dataset}) disagree. */
  public List<String> differencesFrom(Set<String> landedDatasets) {
    Set<String> mapped = new LinkedHashSet<>();
    entries.forEach(entry -> mapped.add(entry.domain() + "/" + entry.dataset()));
    List<String> differences = new ArrayList<>();
    mapped.stream().filter(d -> !landedDatasets.contains(d))
        .forEach(d -> differences.add("keymap lists " + d + ", which ingest does not land"));
    landedDatasets.stream().filter(d -> !mapped.contains(d)).sorted()
        .forEach(d -> differences.add("ingest lands " + d + ", which the keymap does not list: its files are not promoted"));
    return differences;
  }
}
