package dev.strata.warehouse.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.testing.StrataInfrastructure;
import dev.strata.warehouse.WarehouseTestRun;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service started for real (its main, its config, the migrated DuckDB file) with a keymap whose usage key leaves
 * out {@code event}: promoting by it would collapse a customer's events of one instant, so the start is refused and
 * says why. (A start that was not refused ends at once with 0: {@link dev.strata.warehouse.ExitOnceStarted}.)
 */
@QuarkusMainTest
@TestProfile(BrokenKeymapStartIT.UsageKeyedWithoutEvent.class)
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(WarehouseTestRun.class)
class BrokenKeymapStartIT {

  /** The shipped keymap with {@code key_columns: [customer_id, ts]} for usage. */
  public static class UsageKeyedWithoutEvent implements QuarkusTestProfile {
    static final Path KEYMAP = keymap();

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("warehouse.keymap.location", "filesystem:" + KEYMAP, "warehouse-test.exit-once-started", "true");
    }

    private static Path keymap() {
      try (var shipped = BrokenKeymapStartIT.class.getResourceAsStream("/keymap/datasets.yaml")) {
        String yaml = new String(shipped.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
            .replace("key_columns: [customer_id, ts, event]", "key_columns: [customer_id, ts]");
        Path file = Files.createTempFile("broken-keymap", ".yaml");
        return Files.writeString(file, yaml);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  @Launch(value = {}, exitCode = 1)
  void aKeymapWhoseKeyIsNotTheSilverTablesStopsTheStartNamingTheEntryAndBothKeys(LaunchResult result) {
    assertThat(result.getErrorOutput() + result.getOutput())
        .contains("dataset keymap filesystem:" + UsageKeyedWithoutEvent.KEYMAP + " is invalid")
        .contains("datasets[2] (customer|events|usage|).key_columns: [customer_id, ts] is not the primary key of "
            + "silver.usage [customer_id, ts, event]");
  }
}
