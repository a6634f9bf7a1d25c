package dev.strata.warehouse.domain.keymap;

import java.util.List;

/** The keymap cannot be used; each error names where it is ({@code datasets[2].ticker_scope: …}). */
public class KeymapInvalid extends RuntimeException {

  private final List<String> errors;

  public KeymapInvalid(String source, List<String> errors) {
    super("dataset keymap " + source + " is invalid: " + String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  public List<String> errors() {
    return errors;
  }
}
