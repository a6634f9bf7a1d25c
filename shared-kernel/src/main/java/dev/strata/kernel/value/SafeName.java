package dev.strata.kernel.value;

import dev.strata.kernel.error.DomainException;
import java.util.regex.Pattern;

/**
 * Names that become parts of file paths, keys or SQL identifiers: symbols, frames, datasets,
 * models, file names. Each kind has a strict ASCII pattern, so {@code ../}, absolute paths, NUL
 * bytes, over-long and Unicode look-alike names can never pass.
 */
public enum SafeName {
  /** A ticker: upper-case letters, digits, {@code . - ^ =}, at most 16. */
  SYMBOL("[A-Z0-9^][A-Z0-9.=^-]{0,15}"),
  /** A bar frame such as {@code 1m} or {@code 1d}. */
  FRAME("[1-9][0-9]{0,2}[smhdw]"),
  /** Datasets, domains, sources, models, aliases: lower-case identifiers. */
  IDENTIFIER("[a-z][a-z0-9_-]{0,63}"),
  /** A stored file's name: no separators, no leading dot. */
  FILE_NAME("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private final Pattern pattern;

  SafeName(String regex) {
    this.pattern = Pattern.compile(regex);
  }

  public boolean accepts(String value) {
    return value != null && pattern.matcher(value).matches() && !value.contains("..");
  }

  /** {@code value} when it is a safe name of this kind; otherwise a client-facing error. */
  public String require(String value) {
    if (!accepts(value)) {
      throw new DomainException.Invalid(
          "invalid " + name().toLowerCase().replace('_', ' ') + ": must match " + pattern.pattern());
    }
    return value;
  }
}
