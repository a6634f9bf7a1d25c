package dev.strata.warehouse.domain.migration;

/** A migration recorded in {@code ops.schema_migrations}. */
public record AppliedMigration(long version, String name, String sha256) {}
