package dev.strata.warehouse.domain.migration;

/** The migrations on disk and the ones already applied disagree; the service must not start. */
public class MigrationRefused extends RuntimeException {

  public MigrationRefused(String message) {
    super(message);
  }
}
