package dev.strata.warehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbWarehouse;
import dev.strata.warehouse.settings.WarehouseConfig;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class DuckDbSettingsTest {

  private static final long GIB = 1024L * 1024 * 1024;

  @Test
  void aPercentageIsAShareOfTheMemoryTheJvmSees() {
    assertThat(DuckDbSettings.of(database("35%", 2), 2 * GIB))
        .containsExactlyInAnyOrderEntriesOf(Map.of("memory_limit", "716MiB", "threads", "2"));
  }

  @Test
  void aSizeIsHandedToDuckDbAsItIs() {
    assertThat(DuckDbSettings.of(database("512MiB", null), 2 * GIB)).containsExactly(Map.entry("memory_limit", "512MiB"));
  }

  @Test
  void nothingSetLeavesDuckDbItsDefaults() {
    assertThat(DuckDbSettings.of(database(null, null), 2 * GIB)).isEmpty();
  }

  @Test
  void aPercentageOutsideZeroToAHundredAndNoThreadsAreRefused() {
    assertThatThrownBy(() -> DuckDbSettings.of(database("0%", null), GIB)).hasMessageContaining("memory-limit");
    assertThatThrownBy(() -> DuckDbSettings.of(database("120%", null), GIB)).hasMessageContaining("memory-limit");
    assertThatThrownBy(() -> DuckDbSettings.of(database(null, 0), GIB)).hasMessageContaining("threads");
  }

  @Test
  void theWarehouseFileIsOpenedWithTheSettings(@TempDir Path run) throws Exception {
    try (DuckDbWarehouse warehouse =
        DuckDbWarehouse.open(run.resolve("strata.duckdb"), DuckDbSettings.of(database("25%", 1), 2 * GIB))) {
      String settings = warehouse.read(connection -> {
        try (ResultSet row = connection.createStatement()
            .executeQuery("SELECT current_setting('memory_limit'), current_setting('threads')")) {
          row.next();
          return row.getString(1) + " / " + row.getString(2);
        }
      });
      assertThat(settings).isEqualTo("512.0 MiB / 1");
    }
  }

  private static WarehouseConfig.Database database(String memoryLimit, Integer threads) {
    return new WarehouseConfig.Database() {
      @Override
      public Path path() {
        return Path.of("unused");
      }

      @Override
      public Optional<String> memoryLimit() {
        return Optional.ofNullable(memoryLimit);
      }

      @Override
      public OptionalInt threads() {
        return threads == null ? OptionalInt.empty() : OptionalInt.of(threads);
      }
    };
  }
}
