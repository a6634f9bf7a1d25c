package dev.strata.warehouse;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A fresh run folder per test run: an empty DuckDB file and an empty lake in a temp dir. */
public class WarehouseTestRun implements QuarkusTestResourceLifecycleManager {

  private static Path root;

  @Override
  public Map<String, String> start() {
    try {
      root = Files.createTempDirectory("strata-warehouse-it");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return Map.of(
        "warehouse.database.path", root.resolve("warehouse/strata.duckdb").toString(),
        "warehouse.lake.root", lake().toString());
  }

  /** The lake root the service under test reads. */
  public static Path lake() {
    return root.resolve("lake");
  }

  @Override
  public void stop() {
    // temp folders are left for post-mortem; the OS cleans them
  }
}
