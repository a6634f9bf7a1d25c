package dev.strata.scoring;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** Points the model registry at a fresh temporary folder for the test run, removed afterwards. */
public class TemporaryModelFolder implements QuarkusTestResourceLifecycleManager {

  private Path folder;

  @Override
  public Map<String, String> start() {
    try {
      folder = Files.createTempDirectory("strata-models-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of("scoring.registry.folder", folder.toString());
  }

  @Override
  public void stop() {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
