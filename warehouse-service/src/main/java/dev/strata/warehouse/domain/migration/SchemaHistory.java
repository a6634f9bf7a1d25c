package dev.strata.warehouse.domain.migration;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The record of applied migrations in the warehouse ({@code ops.schema_migrations}). */
public interface SchemaHistory {

  CompletionStage<List<AppliedMigration>> applied();

  /** Runs the script and records it, both in one transaction. */
  CompletionStage<Void> apply(Migration migration);
}
