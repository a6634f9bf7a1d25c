package dev.strata.warehouse.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.warehouse.application.ApplyMigrations;
import dev.strata.warehouse.domain.migration.AppliedMigration;
import dev.strata.warehouse.domain.migration.Migration;
import dev.strata.warehouse.domain.migration.MigrationRefused;
import dev.strata.warehouse.domain.migration.SchemaHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class MigrationPlanTest {

  /** An in-memory schema history. */
  static final class InMemoryHistory implements SchemaHistory {
    final List<AppliedMigration> applied = new ArrayList<>();

    @Override
    public CompletionStage<List<AppliedMigration>> applied() {
      return CompletableFuture.completedFuture(List.copyOf(applied));
    }

    @Override
    public CompletionStage<Void> apply(Migration migration) {
      applied.add(new AppliedMigration(migration.version(), migration.name(), migration.sha256()));
      return CompletableFuture.completedFuture(null);
    }
  }

  private final InMemoryHistory history = new InMemoryHistory();

  /** Migrates the history with {@code scripts}: the migrations applied. */
  private List<Migration> migrate(List<Migration> scripts) {
    return new ApplyMigrations(() -> CompletableFuture.completedFuture(scripts), history).run().await().indefinitely();
  }

  @Test
  void pendingMigrationsAreAppliedOnceInVersionOrder() {
    List<Migration> scripts = List.of(Migration.of("10_later.sql", "b"), Migration.of("2_first.sql", "a"));

    assertThat(migrate(scripts)).extracting(Migration::version).containsExactly(2L, 10L);
    assertThat(migrate(scripts)).isEmpty();
    assertThat(history.applied).extracting(AppliedMigration::version).containsExactly(2L, 10L);
  }

  @Test
  void aDuplicateVersionRefusesStartUp() {
    List<Migration> scripts = List.of(Migration.of("1_a.sql", "a"), Migration.of("001_b.sql", "b"));

    assertThatThrownBy(() -> migrate(scripts))
        .isInstanceOf(MigrationRefused.class).hasMessageContaining("duplicate migration version 1");
    assertThat(history.applied).isEmpty();
  }

  @Test
  void aChangedChecksumOfAnAppliedMigrationRefusesStartUpAndAppliesNothing() {
    migrate(List.of(Migration.of("1_a.sql", "CREATE TABLE a (x INT)")));
    List<Migration> tampered = List.of(Migration.of("1_a.sql", "CREATE TABLE a (x BIGINT)"), Migration.of("2_b.sql", "b"));

    assertThatThrownBy(() -> migrate(tampered))
        .isInstanceOf(MigrationRefused.class).hasMessageContaining("1_a.sql changed after it was applied");
    assertThat(history.applied).hasSize(1);
  }

  @Test
  void noScriptsMeansNothingToApply() {
    assertThat(migrate(List.of())).isEmpty();
  }

  @Test
  void aFileNameWithoutAVersionIsAnError() {
    assertThatThrownBy(() -> Migration.of("create_tables.sql", "x"))
        .isInstanceOf(MigrationRefused.class).hasMessageContaining("<version>_<name>.sql");
  }

  @Test
  void theChecksumIsTheSha256OfTheScript() {
    assertThat(Migration.of("1_a.sql", "").sha256())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}
