package dev.strata.warehouse.application;

import dev.strata.kernel.messaging.contract.DatasetKind;
import dev.strata.warehouse.domain.keymap.Keymap;
import dev.strata.warehouse.domain.keymap.KeymapInvalid;
import dev.strata.warehouse.domain.keymap.KeymapSource;
import dev.strata.warehouse.domain.keymap.SilverKeys;
import io.smallrye.mutiny.Uni;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and checks the dataset keymap the warehouse promotes by, at start: an invalid keymap, or one
 * whose key columns are not the primary keys of the silver tables it promotes into, always refuses;
 * one that leaves out a dataset ingest lands (or lists one it does not) refuses in strict mode and
 * only warns otherwise.
 */
public class ValidateKeymap {

  private final KeymapSource source;
  private final SilverKeys silver;
  private final boolean strict;

  public ValidateKeymap(KeymapSource source, SilverKeys silver, boolean strict) {
    this.source = source;
    this.silver = silver;
    this.strict = strict;
  }

  /** A keymap that may be used, and the warnings to log. */
  public record Checked(Keymap keymap, List<String> warnings) {}

  /** Fails with {@link KeymapInvalid} when the keymap must not be used. */
  public Uni<Checked> run() {
    return Async.uni(source::load).chain(keymap -> {
      List<DatasetKind> layouts = keymap.entries().stream().map(entry -> entry.promotion().into()).distinct().toList();
      return Async.inTurn(layouts, layout -> Async.uni(() -> silver.of(layout)).map(key -> Map.entry(layout, key)))
          .map(keys -> check(keymap, keys.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
    });
  }

  private Checked check(Keymap keymap, Map<DatasetKind, SilverKeys.SilverKey> silverKeys) {
    List<String> mismatches = keymap.keyMismatches(silverKeys);
    if (!mismatches.isEmpty()) {
      throw new KeymapInvalid(keymap.source(), mismatches);
    }
    Set<String> landed = Arrays.stream(DatasetKind.values()).map(kind -> kind.domain() + "/" + kind.dataset())
        .collect(Collectors.toSet());
    List<String> differences = keymap.differencesFrom(landed);
    if (strict && !differences.isEmpty()) {
      throw new KeymapInvalid(keymap.source() + " (strict)", differences);
    }
    return new Checked(keymap, differences);
  }
}
