package dev.strata.warehouse.domain.keymap;

/** Where the dataset keymap is read from; reading validates it ({@link KeymapInvalid}). */
@FunctionalInterface
public interface KeymapSource {

  Keymap load();
}
