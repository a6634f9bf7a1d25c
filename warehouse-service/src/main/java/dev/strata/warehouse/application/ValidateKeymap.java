package dev.strata.warehouse.application;

import dev.strata.kernel.messaging.contract.DatasetKind;
import dev.strata.warehouse.domain.keymap.Keymap;
import dev.strata.warehouse.domain.keymap.KeymapInvalid;
import dev.strata.warehouse.domain.keymap.KeymapSource;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the dataset keymap at start: an invalid keymap always refuses; a keymap that disagrees
 * with the datasets the code promotes refuses in strict mode and only warns otherwise.
 */
public class ValidateKeymap {

  private final KeymapSource source;
  private final boolean strict;

  public ValidateKeymap(KeymapSource source, boolean strict) {
    this.source = source;
    this.strict = strict;
  }

  /** The warnings to log; throws {@link KeymapInvalid} when the keymap must not be used. */
  public List<String> run() {
    Keymap keymap = source.load();
    Set<String> known = Arrays.stream(DatasetKind.values()).map(kind -> kind.domain() + "/" + kind.dataset())
        .collect(Collectors.toSet());
    List<String> differences = keymap.differencesFrom(known);
    if (strict && !differences.isEmpty()) {
      throw new KeymapInvalid("(strict)", differences);
    }
    return differences;
  }
}
