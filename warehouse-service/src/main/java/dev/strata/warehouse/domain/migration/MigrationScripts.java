package dev.strata.warehouse.domain.migration;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Where the warehouse's migration scripts come from (classpath or a folder). */
@FunctionalInterface
public interface MigrationScripts {

  /** Every script found; an absent location yields none. */
  CompletionStage<List<Migration>> load();
}
