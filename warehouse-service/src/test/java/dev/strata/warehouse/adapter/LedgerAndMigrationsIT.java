package dev.strata.warehouse.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.kernel.messaging.contract.DatasetIdentity;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.warehouse.WarehouseTestRun;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbFileLedger;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbSchemaHistory;
import dev.strata.warehouse.adapter.out.duckdb.DuckDbWarehouse;
import dev.strata.warehouse.adapter.out.files.MigrationFolders;
import dev.strata.warehouse.application.ApplyMigrations;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import dev.strata.warehouse.domain.migration.Migration;
import dev.strata.warehouse.domain.migration.MigrationRefused;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(WarehouseTestRun.class)
class LedgerAndMigrationsIT {

  @Inject DuckDbWarehouse warehouse;
  @Inject DuckDbFileLedger ledger;

  @TempDir Path temp;

  private static ApplyMigrations migrations(DuckDbWarehouse db, String... locations) {
    return new ApplyMigrations(
        new MigrationFolders(List.of(locations), LedgerAndMigrationsIT.class.getClassLoader(), Runnable::run),
        new DuckDbSchemaHistory(db, Runnable::run));
  }

  @Test
  void theServiceAppliedThePackagedMigrationsWithTheirChecksums() {
    List<String> recorded = warehouse.read(connection -> {
      var names = new java.util.ArrayList<String>();
      try (var rs = connection.createStatement().executeQuery(
          "SELECT version || '_' || name || ':' || length(sha256) FROM ops.schema_migrations ORDER BY version")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    });
    assertThat(recorded).startsWith("1_ops_ledger:64", "2_silver_gold:64", "3_customers:64");
  }

  @Test
  void aFolderIsMigratedOnceAndATamperedScriptRefusesTheNextStart() throws Exception {
    Path folder = Files.createDirectories(temp.resolve("sql"));
    Files.writeString(folder.resolve("1_first.sql"), "CREATE TABLE first (x INTEGER);");
    Files.writeString(folder.resolve("2_second.sql"), "CREATE TABLE second (y INTEGER);");
    Path file = temp.resolve("tampered.duckdb");

    try (DuckDbWarehouse db = DuckDbWarehouse.open(file)) {
      assertThat(migrations(db, "filesystem:" + folder).run().await().indefinitely()).extracting(Migration::version)
          .containsExactly(1L, 2L);
    }
    try (DuckDbWarehouse db = DuckDbWarehouse.open(file)) {
      assertThat(migrations(db, "filesystem:" + folder).run().await().indefinitely()).isEmpty();
    }
    Files.writeString(folder.resolve("1_first.sql"), "CREATE TABLE first (x BIGINT);");
    try (DuckDbWarehouse db = DuckDbWarehouse.open(file)) {
      assertThatThrownBy(() -> migrations(db, "filesystem:" + folder).run().await().indefinitely())
          .isInstanceOf(MigrationRefused.class).hasMessageContaining("1_first.sql changed after it was applied");
    }
  }

  @Test
  void aFailingScriptIsRolledBackAndNotRecorded() throws Exception {
    Path folder = Files.createDirectories(temp.resolve("broken"));
    Files.writeString(folder.resolve("1_ok.sql"), "CREATE TABLE ok (x INTEGER);");
    Files.writeString(folder.resolve("2_broken.sql"), "CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table;");

    try (DuckDbWarehouse db = DuckDbWarehouse.open(temp.resolve("broken.duckdb"))) {
      assertThatThrownBy(() -> migrations(db, "filesystem:" + folder).run().await().indefinitely())
          .isInstanceOf(RuntimeException.class);
      assertThat(new DuckDbSchemaHistory(db, Runnable::run).applied().toCompletableFuture().join()).hasSize(1);
      long half = db.read(c -> {
        try (var rs = c.createStatement().executeQuery(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'half'")) {
          rs.next();
          return rs.getLong(1);
        }
      });
      assertThat(half).isZero();
    }
  }

  @Test
  void aMissingFolderMeansNothingToApplyAndAnUnversionedFileIsAnError() throws Exception {
    try (DuckDbWarehouse db = DuckDbWarehouse.open(temp.resolve("empty.duckdb"))) {
      assertThat(migrations(db, "filesystem:" + temp.resolve("absent"), "classpath:no/such/folder").run().await().indefinitely())
          .isEmpty();
      Path folder = Files.createDirectories(temp.resolve("unversioned"));
      Files.writeString(folder.resolve("create.sql"), "SELECT 1;");
      assertThatThrownBy(() -> migrations(db, "filesystem:" + folder).run().await().indefinitely())
          .isInstanceOf(MigrationRefused.class).hasMessageContaining("create.sql");
    }
  }

  @Test
  void recordingTheSameFileTwiceChangesNothingAChangedOneReplacesItAndNullPartsOfTheIdentityCompareAsEmpty() {
    var identity = DatasetIdentity.usage();
    var file = new FileIngestion("run-" + UUID.randomUUID(), "file-1", identity, Instant.parse("2024-01-01T00:00:00Z"),
        Instant.parse("2024-01-02T00:00:00Z"), 5, "sha", "dataset=usage/date=2024-01-02/x.parquet", Instant.now(), "bronze");

    ledger.record(file).toCompletableFuture().join();
    ledger.record(new FileIngestion(file.runId(), file.fileId(), identity, file.coverageFrom(),
        Instant.parse("2030-01-01T00:00:00Z"), 5, "sha", file.path(), Instant.now(), "bronze")).toCompletableFuture().join();

    assertThat(ledger.recent(1000).toCompletableFuture().join()).filteredOn(entry -> entry.runId().equals(file.runId()))
        .singleElement().satisfies(entry -> {
          assertThat(entry.coverageTo()).as("the same file announced again changes nothing").isEqualTo(file.coverageTo());
          assertThat(entry.identity().discriminator()).isNull();
        });
    assertThat(ledger.promotable().toCompletableFuture().join()).extracting(FileIngestion::runId).contains(file.runId());
    assertThat(ledger.coveredTo("bronze", new DatasetIdentity(identity.domain(), identity.source(), identity.dataset(), "", ""))
        .toCompletableFuture().join())
        .isPresent().get().isNotEqualTo(Instant.parse("2030-01-01T00:00:00Z"));

    ledger.record(new FileIngestion(file.runId(), file.fileId(), identity, file.coverageFrom(), file.coverageTo(), 99, "other",
        file.path(), Instant.now(), "bronze")).toCompletableFuture().join();
    assertThat(ledger.recent(1000).toCompletableFuture().join()).filteredOn(entry -> entry.runId().equals(file.runId()))
        .singleElement().satisfies(entry -> {
          assertThat(entry.rowCount()).as("a changed file replaces its entry").isEqualTo(99);
          assertThat(entry.sha256()).isEqualTo("other");
          assertThat(entry.status()).isEqualTo("bronze");
        });
  }
}
