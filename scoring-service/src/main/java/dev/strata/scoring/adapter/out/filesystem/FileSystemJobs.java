package dev.strata.scoring.adapter.out.filesystem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Jobs of one kind as {@code <registry>/.jobs/<kind>/<id>.json} (a hidden folder the registry never
 * lists). A job's heartbeat is its file's time: a save sets it, {@link #touch} moves it without a rewrite.
 */
abstract class FileSystemJobs<T> {

  private final JsonFileStore<T> files;
  private final Function<T, String> idOf;

  FileSystemJobs(Path registryRoot, String kind, ObjectMapper json, Class<T> type, Function<T, String> idOf) {
    this.files = new JsonFileStore<>(registryRoot.resolve(".jobs").resolve(kind), json, type);
    this.idOf = idOf;
  }

  public void save(T job) {
    files.save(idOf.apply(job), job);
  }

  public Optional<T> find(String id) {
    return files.find(id);
  }

  public Map<String, Instant> touchTimes() {
    return files.touchTimes();
  }

  public void delete(String id) {
    files.delete(id);
  }

  public void touch(String id, Instant now) {
    files.touch(id, now);
  }

  public Optional<Instant> touchedAt(String id) {
    return files.touchedAt(id);
  }
}
