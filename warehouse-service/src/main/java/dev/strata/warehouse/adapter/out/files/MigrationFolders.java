package dev.strata.warehouse.adapter.out.files;

import dev.strata.warehouse.domain.migration.Migration;
import dev.strata.warehouse.domain.migration.MigrationScripts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * Migration scripts from locations {@code classpath:<folder>} (a folder inside a jar or in
 * {@code target/classes}) or {@code filesystem:<path>}. A location that does not exist holds
 * nothing; every {@code .sql} file in one must be named {@code <version>_<name>.sql}.
 */
public class MigrationFolders implements MigrationScripts {

  private final List<String> locations;
  private final ClassLoader classLoader;
  private final Executor executor;

  public MigrationFolders(List<String> locations, ClassLoader classLoader, Executor executor) {
    this.locations = List.copyOf(locations);
    this.classLoader = classLoader;
    this.executor = executor;
  }

  @Override
  public CompletionStage<List<Migration>> load() {
    return CompletableFuture.supplyAsync(() -> {
      List<Migration> migrations = new ArrayList<>();
      for (String location : locations) {
        if (location.startsWith("classpath:")) {
          migrations.addAll(fromClasspath(location.substring("classpath:".length())));
        } else if (location.startsWith("filesystem:")) {
          migrations.addAll(fromFolder(Path.of(location.substring("filesystem:".length()))));
        } else {
          throw new IllegalArgumentException("migration location must start with classpath: or filesystem:, was " + location);
        }
      }
      return migrations;
    }, executor);
  }

  private List<Migration> fromClasspath(String folder) {
    URL url = classLoader.getResource(folder);
    if (url == null) {
      return List.of();
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        return fromJar(uri, folder);
      }
      return fromFolder(Path.of(uri));
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot read migrations from classpath:" + folder + ": " + e.getMessage(), e);
    }
  }

  private static List<Migration> fromJar(URI uri, String folder) throws IOException {
    try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
      return fromFolder(jar.getPath(folder));
    } catch (java.nio.file.FileSystemAlreadyExistsException e) {
      // someone else opened the jar: read through theirs and leave it open
      return fromFolder(FileSystems.getFileSystem(uri).getPath(folder));
    }
  }

  private static List<Migration> fromFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> Migration.isScript(file.getFileName().toString()))
          .map(MigrationFolders::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list migrations in " + folder, e);
    }
  }

  private static Migration read(Path file) {
    try {
      return Migration.of(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migration " + file, e);
    }
  }
}
