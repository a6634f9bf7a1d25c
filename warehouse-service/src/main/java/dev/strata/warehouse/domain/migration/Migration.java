package dev.strata.warehouse.domain.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One DuckDB migration script, {@code <version>_<name>.sql}. The version orders the scripts and
 * the sha256 of the text pins what was applied, so an edited script is caught at the next start.
 */
public record Migration(long version, String name, String sql, String sha256) {

  private static final Pattern FILE_NAME = Pattern.compile("(\\d{1,18})_([A-Za-z0-9][A-Za-z0-9_-]*)\\.sql");

  /** Reads a script's file name and text; a name without {@code <version>_} is refused. */
  public static Migration of(String fileName, String sql) {
    var matcher = FILE_NAME.matcher(fileName);
    if (!matcher.matches()) {
      throw new MigrationRefused("migration file name '" + fileName + "' does not match <version>_<name>.sql");
    }
    return new Migration(Long.parseLong(matcher.group(1)), matcher.group(2), sql, sha256(sql));
  }

  /** Whether {@code fileName} is meant to be a migration script (it ends in .sql). */
  public static boolean isScript(String fileName) {
    return fileName.endsWith(".sql");
  }

  public String fileName() {
    return version + "_" + name + ".sql";
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
