package dev.strata.warehouse.adapter.out.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Ledger paths resolved inside the lake root; they end up in SQL text (read_parquet, COPY), so only safe ones. */
record LakePaths(Path root) {

  /** Lake paths are written by ingest-service from safe names; anything else is not read. */
  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9=._/-]+");

  LakePaths {
    root = root.toAbsolutePath().normalize();
  }

  /** The absolute path of {@code relative} inside the lake, or null when it is unsafe or escapes the root. */
  Path inside(String relative) {
    if (!SAFE_PATH.matcher(relative).matches() || relative.contains("..")) {
      return null;
    }
    Path path = root.resolve(relative).normalize();
    return path.startsWith(root) ? path : null;
  }

  /** The file {@code relative} names in the lake, or null when it is unsafe or missing. */
  Path file(String relative) {
    Path path = inside(relative);
    return path != null && Files.isRegularFile(path) ? path : null;
  }

  /** {@code path} relative to the root, with forward slashes, as the ledger keeps it. */
  String relative(Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }
}
