package dev.strata.warehouse.domain.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy deciding which migrations run: versions are unique, every applied migration still
 * has the checksum it had when it ran (re-verified at every start), and the rest run in version
 * order. An applied version whose script is gone is tolerated: the schema it built still exists.
 */
public final class MigrationPlan {

  private MigrationPlan() {}

  /** The scripts still to apply, in order; refuses on a duplicate version or a changed checksum. */
  public static List<Migration> pending(List<Migration> available, List<AppliedMigration> applied) {
    Map<Long, Migration> byVersion = new HashMap<>();
    for (Migration migration : available) {
      Migration clash = byVersion.putIfAbsent(migration.version(), migration);
      if (clash != null) {
        throw new MigrationRefused("duplicate migration version " + migration.version() + ": "
            + clash.fileName() + " and " + migration.fileName());
      }
    }
    Map<Long, AppliedMigration> done = new HashMap<>();
    for (AppliedMigration migration : applied) {
      done.put(migration.version(), migration);
      Migration script = byVersion.get(migration.version());
      if (script != null && !script.sha256().equals(migration.sha256())) {
        throw new MigrationRefused("migration " + script.fileName() + " changed after it was applied: checksum "
            + script.sha256() + " but " + migration.sha256() + " was recorded; add a new migration instead");
      }
    }
    List<Migration> pending = new ArrayList<>();
    for (Migration migration : available) {
      if (!done.containsKey(migration.version())) {
        pending.add(migration);
      }
    }
    pending.sort(Comparator.comparingLong(Migration::version));
    return pending;
  }
}
