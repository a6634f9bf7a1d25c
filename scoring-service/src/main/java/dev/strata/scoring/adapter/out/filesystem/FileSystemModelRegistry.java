package dev.strata.scoring.adapter.out.filesystem;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.model.ModelRef;
import dev.strata.scoring.domain.model.ModelRegistry;
import dev.strata.scoring.domain.model.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The registry as a folder: {@code <model>/<version>/model.onnx + model.json} and
 * {@code <model>/aliases.json}, {@code <model>/archived.json}. A version is staged in a hidden folder and renamed into place, so
 * readers never see half a version; aliases are replaced atomically. Cards are cached forever
 * (versions are immutable), aliases and archived versions until their file changes, so another replica's or a
 * restarted trainer's registrations show up on the next call. File work completes on the executor the
 * registry is given; what is answered from memory (a cached card, aliases or archived versions whose
 * file has not changed: one stat) completes where it is asked, since every inference asks for it and a
 * hop to the executor costs more than the lookup.
 */
public class FileSystemModelRegistry implements ModelRegistry {

  private static final String VERSION = "[1-9][0-9]{0,8}";
  private final Path root;
  private final ObjectMapper json;
  private final Executor executor;
  private final Map<ModelRef, ModelCard> cards = new ConcurrentHashMap<>();
  private final Map<String, CachedAliases> aliases = new ConcurrentHashMap<>();
  private final Map<String, CachedArchive> archives = new ConcurrentHashMap<>();

  private record CachedAliases(FileTime modified, Map<String, String> byAlias) {}

  private record CachedArchive(long modified, Set<String> versions) {}

  public FileSystemModelRegistry(Path root, ObjectMapper json, Executor executor) {
    this.root = root;
    this.executor = executor;
    this.json = json.copy()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }

  @Override
  public CompletionStage<ModelCard> register(ModelCard card, byte[] onnx) {
    return async(() -> registerNow(card, onnx));
  }

  @Override
  public CompletionStage<List<String>> models() {
    return async(this::modelsNow);
  }

  @Override
  public CompletionStage<List<ModelCard>> versions(String model) {
    return async(() -> versionsNow(model));
  }

  @Override
  public CompletionStage<Optional<ModelCard>> card(ModelRef ref) {
    ModelCard cached = cards.get(ref);
    return cached != null ? CompletableFuture.completedFuture(Optional.of(cached)) : async(() -> cardNow(ref));
  }

  @Override
  public CompletionStage<byte[]> artifact(ModelRef ref) {
    return async(() -> artifactNow(ref));
  }

  @Override
  public CompletionStage<Map<String, String>> aliases(String model) {
    return cachedAliases(model).<CompletionStage<Map<String, String>>>map(CompletableFuture::completedFuture)
        .orElseGet(() -> async(() -> readAliases(model)));
  }

  @Override
  public CompletionStage<Void> setAlias(String model, String alias, String version) {
    return async(() -> {
      setAliasNow(model, alias, version);
      return null;
    });
  }

  @Override
  public CompletionStage<Void> removeAlias(String model, String alias) {
    return async(() -> {
      removeAliasNow(model, alias);
      return null;
    });
  }

  @Override
  public CompletionStage<Set<String>> archived(String model) {
    return cachedArchive(model).<CompletionStage<Set<String>>>map(CompletableFuture::completedFuture)
        .orElseGet(() -> async(() -> readArchive(model)));
  }

  @Override
  public CompletionStage<Void> archive(ModelRef ref) {
    return async(() -> {
      archiveNow(ref);
      return null;
    });
  }

  private Path aliasesFile(String model) {
    return root.resolve(SafeName.IDENTIFIER.require(model)).resolve("aliases.json");
  }

  private Path archivedFile(String model) {
    return root.resolve(SafeName.IDENTIFIER.require(model)).resolve("archived.json");
  }

  /** When the file last changed; null when there is none (or it cannot be read: the executor's read says why). */
  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return null;
    }
  }

  private <T> CompletionStage<T> async(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, executor);
  }

  private synchronized ModelCard registerNow(ModelCard card, byte[] onnx) {
    Path modelDir = root.resolve(SafeName.IDENTIFIER.require(card.name()));
    try {
      Files.createDirectories(modelDir);
      Path staging = Files.createTempDirectory(modelDir, ".staging-");
      Files.write(staging.resolve("model.onnx"), onnx);
      String digest = Sha256.hex(onnx);
      while (true) {
        String version = String.valueOf(latest(modelDir) + 1);
        ModelCard registered = card.registeredAs(version, digest);
        json.writeValue(staging.resolve("model.json").toFile(), registered);
        Path target = modelDir.resolve(version);
        try {
          Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
          return registered;
        } catch (IOException raced) {
          if (!Files.exists(target)) {
            throw raced;
          }
          // another writer (another replica on a shared volume) took this number; take the next
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not register a version of " + card.name(), e);
    }
  }

  private List<String> modelsNow() {
    try (Stream<Path> dirs = list(root)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(SafeName.IDENTIFIER::accepts).sorted().toList();
    }
  }

  private List<ModelCard> versionsNow(String model) {
    Path modelDir = root.resolve(SafeName.IDENTIFIER.require(model));
    try (Stream<Path> dirs = list(modelDir)) {
      return dirs.map(p -> p.getFileName().toString()).filter(v -> v.matches(VERSION))
          .sorted(Comparator.comparingLong(Long::parseLong))
          .flatMap(v -> cardNow(new ModelRef(model, v)).stream()).toList();
    }
  }

  private Optional<ModelCard> cardNow(ModelRef ref) {
    ModelCard cached = cards.get(ref);
    if (cached != null) {
      return Optional.of(cached);
    }
    Path file = root.resolve(ref.name()).resolve(ref.version()).resolve("model.json");
    try {
      ModelCard card = json.readValue(file.toFile(), ModelCard.class);
      cards.put(ref, card);
      return Optional.of(card);
    } catch (java.io.FileNotFoundException | NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable " + file, e);
    }
  }

  private byte[] artifactNow(ModelRef ref) {
    try {
      return Files.readAllBytes(root.resolve(ref.name()).resolve(ref.version()).resolve("model.onnx"));
    } catch (NoSuchFileException e) {
      throw new DomainException.NotFound("model " + ref + " has no model.onnx");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cached aliases while their file has not changed (one stat); empty when the file must be read. */
  private Optional<Map<String, String>> cachedAliases(String model) {
    CachedAliases cached = aliases.get(model);
    return cached != null && cached.modified().equals(modified(aliasesFile(model)))
        ? Optional.of(cached.byAlias()) : Optional.empty();
  }

  private Map<String, String> aliasesNow(String model) {
    return cachedAliases(model).orElseGet(() -> readAliases(model));
  }

  private Map<String, String> readAliases(String model) {
    Path file = aliasesFile(model);
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      Map<String, String> read = Map.copyOf(json.readValue(file.toFile(), new TypeReference<Map<String, String>>() {}));
      aliases.put(model, new CachedAliases(modified, read));
      return read;
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable " + file, e);
    }
  }

  private synchronized void setAliasNow(String model, String alias, String version) {
    SafeName.IDENTIFIER.require(alias);
    ModelRef ref = new ModelRef(model, version);
    if (cardNow(ref).isEmpty()) {
      throw new DomainException.NotFound("model '" + model + "' has no version " + version);
    }
    Map<String, String> updated = new LinkedHashMap<>(aliasesNow(model));
    updated.put(alias, version);
    writeAliases(model, updated);
  }

  private synchronized void removeAliasNow(String model, String alias) {
    Map<String, String> updated = new LinkedHashMap<>(aliasesNow(model));
    if (updated.remove(SafeName.IDENTIFIER.require(alias)) != null) {
      writeAliases(model, updated);
    }
  }

  /**
   * The cached archived versions while their file has not changed (one stat), none while there is no file
   * (most models have nothing archived, and this is asked on every versioned inference); empty when the
   * file must be read.
   */
  private Optional<Set<String>> cachedArchive(String model) {
    long modified = archivedFile(model).toFile().lastModified(); // 0 for a missing file
    CachedArchive cached = archives.get(model);
    if (modified == 0) {
      return Optional.of(Set.of());
    }
    return cached != null && cached.modified() == modified ? Optional.of(cached.versions()) : Optional.empty();
  }

  private Set<String> archivedNow(String model) {
    return cachedArchive(model).orElseGet(() -> readArchive(model));
  }

  private Set<String> readArchive(String model) {
    Path file = archivedFile(model);
    long modified = file.toFile().lastModified();
    try {
      Set<String> read = Set.copyOf(json.readValue(file.toFile(), new TypeReference<List<String>>() {}));
      archives.put(model, new CachedArchive(modified, read));
      return read;
    } catch (java.io.FileNotFoundException | NoSuchFileException e) {
      return Set.of();
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable " + file, e);
    }
  }

  private synchronized void archiveNow(ModelRef ref) {
    if (cardNow(ref).isEmpty()) {
      throw new DomainException.NotFound("model '" + ref.name() + "' has no version " + ref.version());
    }
    Set<String> updated = new TreeSet<>(java.util.Comparator.comparingLong(Long::parseLong));
    updated.addAll(archivedNow(ref.name()));
    updated.add(ref.version());
    write(root.resolve(ref.name()), "archived.json", List.copyOf(updated));
    archives.remove(ref.name());
  }

  private void writeAliases(String model, Map<String, String> updated) {
    write(root.resolve(model), "aliases.json", updated);
    aliases.remove(model);
  }

  /** Through a temporary file and an atomic rename, so a reader sees the old file or the new one. */
  private void write(Path modelDir, String name, Object value) {
    try {
      Path staging = Files.createTempFile(modelDir, "." + name + "-", ".tmp");
      json.writeValue(staging.toFile(), value);
      Files.move(staging, modelDir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + name + " of " + modelDir.getFileName(), e);
    }
  }

  private long latest(Path modelDir) {
    try (Stream<Path> dirs = list(modelDir)) {
      return dirs.map(p -> p.getFileName().toString()).filter(v -> v.matches(VERSION))
          .mapToLong(Long::parseLong).max().orElse(0);
    }
  }

  private static Stream<Path> list(Path dir) {
    try {
      return Files.isDirectory(dir) ? Files.list(dir) : Stream.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
