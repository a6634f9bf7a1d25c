package dev.strata.warehouse.domain.migration;

import java.util.List;

/** The record of applied migrations in the warehouse ({@code ops.schema_migrations}). */
public interface SchemaHistory {

  List<AppliedMigration> applied();

  /** Runs the script and records it, both in one transaction. */
  void apply(Migration migration);
}
