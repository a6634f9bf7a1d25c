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
import org.junit.jupiter.api.Test;

class MigrationPlanTest {

  /** An in-memory schema history. */
  static final class InMemoryHistory implements SchemaHistory {
    final List<AppliedMigration> applied = new ArrayList<>();

    @Override
    public List<AppliedMigration> applied() {
      return List.copyOf(applied);
    }

    @Override
    public void apply(Migration migration) {
      applied.add(new AppliedMigration(migration.version(), migration.name(), migration.sha256()));
    }
  }

  private final InMemoryHistory history = new InMemoryHistory();

  @Test
  void pendingMigrationsAreAppliedOnceInVersionOrder() {
    List<Migration> scripts = List.of(Migration.of("10_later.sql", "b"), Migration.of("2_first.sql", "a"));

    assertThat(new ApplyMigrations(() -> scripts, history).run()).extracting(Migration::version).containsExactly(2L, 10L);
    assertThat(new ApplyMigrations(() -> scripts, history).run()).isEmpty();
    assertThat(history.applied).extracting(AppliedMigration::version).containsExactly(2L, 10L);
  }

  @Test
  void aDuplicateVersionRefusesStartUp() {
    List<Migration> scripts = List.of(Migration.of("1_a.sql", "a"), Migration.of("001_b.sql", "b"));

    assertThatThrownBy(() -> new ApplyMigrations(() -> scripts, history).run())
        .isInstanceOf(MigrationRefused.class).hasMessageContaining("duplicate migration version 1");
    assertThat(history.applied).isEmpty();
  }

  @Test
  void aChangedChecksumOfAnAppliedMigrationRefusesStartUpAndAppliesNothing() {
    new ApplyMigrations(() -> List.of(Migration.of("1_a.sql", "CREATE TABLE a (x INT)")), history).run();
    List<Migration> tampered = List.of(Migration.of("1_a.sql", "CREATE TABLE a (x BIGINT)"), Migration.of("2_b.sql", "b"));

    assertThatThrownBy(() -> new ApplyMigrations(() -> tampered, history).run())
        .isInstanceOf(MigrationRefused.class).hasMessageContaining("1_a.sql changed after it was applied");
    assertThat(history.applied).hasSize(1);
  }

  @Test
  void noScriptsMeansNothingToApply() {
    assertThat(new ApplyMigrations(List::of, history).run()).isEmpty();
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
