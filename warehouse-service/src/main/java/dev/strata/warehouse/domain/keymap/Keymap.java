package dev.strata.warehouse.domain.keymap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The dataset keymap, read from YAML ({@code datasets: [ {domain, source, dataset, discriminator,
 * ticker_scope, key_columns, version} ]}). Invariants: every required field present and typed,
 * {@code ticker_scope} one of {@code per_ticker|global}, at least one key column, a positive
 * version, and no identity twice.
 */
public record Keymap(List<KeymapEntry> entries) {

  private static final List<String> REQUIRED = List.of("domain", "source", "dataset", "ticker_scope", "key_columns", "version");

  public Keymap {
    entries = List.copyOf(entries);
  }

  /** Validates the parsed YAML document, collecting every error before refusing. */
  public static Keymap parse(String source, Object document) {
    List<String> errors = new ArrayList<>();
    if (!(document instanceof Map<?, ?> root) || !(root.get("datasets") instanceof List<?> datasets)) {
      throw new KeymapInvalid(source, List.of("the document must have a 'datasets' list"));
    }
    List<KeymapEntry> entries = new ArrayList<>();
    Set<String> identities = new HashSet<>();
    for (int i = 0; i < datasets.size(); i++) {
      String at = "datasets[" + i + "]";
      if (!(datasets.get(i) instanceof Map<?, ?> fields)) {
        errors.add(at + ": must be a mapping");
        continue;
      }
      KeymapEntry entry = entry(at, fields, errors);
      if (entry != null && !identities.add(entry.identity())) {
        errors.add(at + ": duplicate identity " + entry.identity());
      }
      if (entry != null) {
        entries.add(entry);
      }
    }
    if (!errors.isEmpty()) {
      throw new KeymapInvalid(source, errors);
    }
    return new Keymap(entries);
  }

  /** Where the keymap and the datasets the code promotes (domain/dataset) disagree. */
  public List<String> differencesFrom(Set<String> knownDatasets) {
    Set<String> mapped = new LinkedHashSet<>();
    entries.forEach(entry -> mapped.add(entry.domain() + "/" + entry.dataset()));
    List<String> differences = new ArrayList<>();
    mapped.stream().filter(d -> !knownDatasets.contains(d))
        .forEach(d -> differences.add("keymap lists " + d + ", which the warehouse does not promote"));
    knownDatasets.stream().filter(d -> !mapped.contains(d)).sorted()
        .forEach(d -> differences.add("the warehouse promotes " + d + ", which the keymap does not list"));
    return differences;
  }

  private static KeymapEntry entry(String at, Map<?, ?> fields, List<String> errors) {
    int before = errors.size();
    for (String field : REQUIRED) {
      if (fields.get(field) == null) {
        errors.add(at + "." + field + ": missing");
      }
    }
    for (Object field : fields.keySet()) {
      if (!REQUIRED.contains(field) && !"discriminator".equals(field)) {
        errors.add(at + "." + field + ": unknown field");
      }
    }
    if (errors.size() > before) {
      return null;
    }
    TickerScope scope = scope(at, fields.get("ticker_scope"), errors);
    List<String> keys = keys(at, fields.get("key_columns"), errors);
    Object version = fields.get("version");
    if (!(version instanceof Integer number) || number < 1) {
      errors.add(at + ".version: must be a positive integer, was '" + version + "'");
    }
    if (errors.size() > before) {
      return null;
    }
    Object discriminator = fields.get("discriminator");
    return new KeymapEntry(text(fields, "domain"), text(fields, "source"), text(fields, "dataset"),
        discriminator == null ? null : discriminator.toString(), scope, keys, (Integer) version);
  }

  private static TickerScope scope(String at, Object value, List<String> errors) {
    try {
      return TickerScope.valueOf(value.toString().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(at + ".ticker_scope: must be one of per_ticker, global, was '" + value + "'");
      return null;
    }
  }

  private static List<String> keys(String at, Object value, List<String> errors) {
    if (!(value instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(String.class::isInstance)) {
      errors.add(at + ".key_columns: must be a non-empty list of column names");
      return List.of();
    }
    return list.stream().map(String.class::cast).toList();
  }

  private static String text(Map<?, ?> fields, String field) {
    return fields.get(field).toString();
  }
}
