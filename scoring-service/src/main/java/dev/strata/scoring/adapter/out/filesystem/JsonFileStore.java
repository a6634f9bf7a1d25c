package dev.strata.scoring.adapter.out.filesystem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Records kept as one JSON file each ({@code <folder>/<id>.json}), keyed by a UUID. A write goes
 * to a temporary file in the same folder and is renamed over the old one, so a reader (or a
 * process that dies mid-write) sees the previous record or the new one, never half of either.
 */
final class JsonFileStore<T> {

  /** Ids are UUIDs; anything else (a path, a traversal) names no file and is simply not found. */
  private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final Path folder;
  private final ObjectMapper json;
  private final Class<T> type;

  JsonFileStore(Path folder, ObjectMapper json, Class<T> type) {
    this.folder = folder;
    this.json = json;
    this.type = type;
  }

  void save(String id, T record) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("record ids are UUIDs, not " + id);
    }
    try {
      Files.createDirectories(folder);
      Path staging = Files.createTempFile(folder, ".staging-", ".json");
      try {
        json.writeValue(staging.toFile(), record);
        Files.move(staging, folder.resolve(id + ".json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(staging);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not save " + folder.resolve(id + ".json"), e);
    }
  }

  Optional<T> find(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return read(folder.resolve(id + ".json"));
  }

  /** Each stored record's id with its file's time, without reading the records. */
  Map<String, Instant> touchTimes() {
    if (!Files.isDirectory(folder)) {
      return Map.of();
    }
    Map<String, Instant> times = new HashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.forEach(file -> {
        String id = file.getFileName().toString().replaceFirst("\\.json$", "");
        if (ID.matcher(id).matches()) {
          touchedAt(id).ifPresent(at -> times.put(id, at));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + folder, e);
    }
    return times;
  }

  void delete(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return;
    }
    try {
      Files.deleteIfExists(folder.resolve(id + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + folder.resolve(id + ".json"), e);
    }
  }

  /** Sets the record's file time to {@code now} without rewriting it; a record no longer stored is left alone. */
  void touch(String id, Instant now) {
    if (!ID.matcher(id).matches()) {
      return;
    }
    try {
      Files.setLastModifiedTime(folder.resolve(id + ".json"), FileTime.from(now));
    } catch (NoSuchFileException gone) {
      // deleted or never saved: nothing to keep alive
    } catch (IOException e) {
      throw new UncheckedIOException("could not touch " + folder.resolve(id + ".json"), e);
    }
  }

  /** When the record was last saved or touched. */
  Optional<Instant> touchedAt(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.getLastModifiedTime(folder.resolve(id + ".json")).toInstant());
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the time of " + folder.resolve(id + ".json"), e);
    }
  }

  private Optional<T> read(Path file) {
    try {
      return Optional.of(json.readValue(file.toFile(), type));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      throw new UncheckedIOException("could not read " + file, e);
    }
  }
}
