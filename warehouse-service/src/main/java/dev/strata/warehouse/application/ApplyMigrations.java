package dev.strata.warehouse.application;

import dev.strata.warehouse.domain.migration.Migration;
import dev.strata.warehouse.domain.migration.MigrationPlan;
import dev.strata.warehouse.domain.migration.MigrationScripts;
import dev.strata.warehouse.domain.migration.SchemaHistory;
import java.util.List;

/**
 * Brings the warehouse schema up to date at start-up: verifies every applied migration's
 * checksum, then applies the pending ones in version order, each in its own transaction.
 */
public class ApplyMigrations {

  private final MigrationScripts scripts;
  private final SchemaHistory history;

  public ApplyMigrations(MigrationScripts scripts, SchemaHistory history) {
    this.scripts = scripts;
    this.history = history;
  }

  /** The migrations applied by this call; refuses with {@code MigrationRefused}. */
  public List<Migration> run() {
    List<Migration> pending = MigrationPlan.pending(scripts.load(), history.applied());
    pending.forEach(history::apply);
    return pending;
  }
}
