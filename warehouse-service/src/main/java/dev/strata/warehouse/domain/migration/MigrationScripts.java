package dev.strata.warehouse.domain.migration;

import java.util.List;

/** Where the warehouse's migration scripts come from (classpath or a folder). */
@FunctionalInterface
public interface MigrationScripts {

  /** Every script found; an absent location yields none. */
  List<Migration> load();
}
