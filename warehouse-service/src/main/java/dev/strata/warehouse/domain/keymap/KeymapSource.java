package dev.strata.warehouse.domain.keymap;

import java.util.concurrent.CompletionStage;

/** Where the dataset keymap is read from; reading validates it ({@link KeymapInvalid}). */
@FunctionalInterface
public interface KeymapSource {

  CompletionStage<Keymap> load();
}
