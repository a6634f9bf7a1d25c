package dev.strata.agent.adapter.out.postgres;

import dev.strata.kernel.error.DomainException;
import io.vertx.pgclient.PgException;

/** Translates database failures a client can cause into domain errors; anything else passes. */
final class Failures {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private Failures() {}

  static Throwable translate(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DomainException domain) {
        return domain;
      }
      if (cause instanceof PgException pg && (UNIQUE_VIOLATION.equals(pg.getSqlState()) || FOREIGN_KEY_VIOLATION.equals(pg.getSqlState()))) {
        return new DomainException.Conflict("conflicts with existing data (" + pg.getConstraint() + ")");
      }
    }
    return failure;
  }
}
