package dev.strata.scoring.adapter.out.filesystem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Jobs of one kind as {@code <registry>/.jobs/<kind>/<id>.json} (a hidden folder the registry never
 * lists). A job's heartbeat is its file's time: a save sets it, {@link #touch} moves it without a rewrite.
 * File work completes on the executor the store is given.
 */
abstract class FileSystemJobs<T> {

  private final JsonFileStore<T> files;
  private final Function<T, String> idOf;
  private final Executor executor;

  FileSystemJobs(Path registryRoot, String kind, ObjectMapper json, Class<T> type, Function<T, String> idOf, Executor executor) {
    this.files = new JsonFileStore<>(registryRoot.resolve(".jobs").resolve(kind), json, type);
    this.idOf = idOf;
    this.executor = executor;
  }

  public CompletionStage<Void> save(T job) {
    return CompletableFuture.runAsync(() -> files.save(idOf.apply(job), job), executor);
  }

  public CompletionStage<Optional<T>> find(String id) {
    return CompletableFuture.supplyAsync(() -> files.find(id), executor);
  }

  public CompletionStage<Map<String, Instant>> touchTimes() {
    return CompletableFuture.supplyAsync(files::touchTimes, executor);
  }

  public CompletionStage<Void> delete(String id) {
    return CompletableFuture.runAsync(() -> files.delete(id), executor);
  }

  public CompletionStage<Void> touch(String id, Instant now) {
    return CompletableFuture.runAsync(() -> files.touch(id, now), executor);
  }

  public CompletionStage<Optional<Instant>> touchedAt(String id) {
    return CompletableFuture.supplyAsync(() -> files.touchedAt(id), executor);
  }
}
