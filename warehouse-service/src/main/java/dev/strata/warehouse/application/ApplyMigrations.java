package dev.strata.warehouse.application;

import dev.strata.warehouse.domain.migration.Migration;
import dev.strata.warehouse.domain.migration.MigrationPlan;
import dev.strata.warehouse.domain.migration.MigrationScripts;
import dev.strata.warehouse.domain.migration.SchemaHistory;
import io.smallrye.mutiny.Uni;
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
  public Uni<List<Migration>> run() {
    return Async.uni(scripts::load).chain(found -> Async.uni(history::applied)
        .chain(applied -> {
          List<Migration> pending = MigrationPlan.pending(found, applied);
          return Async.inTurn(pending, migration -> Async.uni(() -> history.apply(migration))).replaceWith(pending);
        }));
  }
}
