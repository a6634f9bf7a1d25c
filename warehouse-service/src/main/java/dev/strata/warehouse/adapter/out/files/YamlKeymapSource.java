package dev.strata.warehouse.adapter.out.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.strata.warehouse.domain.keymap.Keymap;
import dev.strata.warehouse.domain.keymap.KeymapInvalid;
import dev.strata.warehouse.domain.keymap.KeymapSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** The keymap from a YAML file: {@code classpath:<resource>} or {@code filesystem:<path>}. */
public class YamlKeymapSource implements KeymapSource {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final String location;
  private final ClassLoader classLoader;
  private final Executor executor;

  public YamlKeymapSource(String location, ClassLoader classLoader, Executor executor) {
    this.location = location;
    this.classLoader = classLoader;
    this.executor = executor;
  }

  @Override
  public CompletionStage<Keymap> load() {
    return CompletableFuture.supplyAsync(() -> {
      try (InputStream in = open()) {
        if (in == null) {
          throw new KeymapInvalid(location, List.of("not found"));
        }
        return Keymap.parse(location, YAML.readValue(in, Object.class));
      } catch (IOException e) {
        throw new KeymapInvalid(location, List.of("not readable YAML: " + e.getMessage()));
      }
    }, executor);
  }

  private InputStream open() throws IOException {
    if (location.startsWith("classpath:")) {
      return classLoader.getResourceAsStream(location.substring("classpath:".length()));
    }
    Path path = Path.of(location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location);
    return Files.isRegularFile(path) ? Files.newInputStream(path) : null;
  }
}
