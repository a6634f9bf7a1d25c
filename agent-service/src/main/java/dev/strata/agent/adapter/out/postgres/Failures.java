package dev.strata.agent.adapter.out.postgres;

import dev.strata.kernel.error.DomainException;
import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Translates database failures a client can cause into domain errors; anything else passes. Shared by
 * the Hibernate adapters and the SQL client ones ({@code adapter/out/sqlclient}).
 */
public final class Failures {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private Failures() {}

  public static Throwable translate(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DomainException domain) {
        return domain;
      }
      if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
        return new DomainException.Conflict("the resource was changed concurrently; reload and retry");
      }
      if (cause instanceof ConstraintViolationException violation) {
        return new DomainException.Conflict("conflicts with existing data (" + violation.getConstraintName() + ")");
      }
      if (cause instanceof PgException pg && (UNIQUE_VIOLATION.equals(pg.getSqlState()) || FOREIGN_KEY_VIOLATION.equals(pg.getSqlState()))) {
        return new DomainException.Conflict("conflicts with existing data (" + pg.getConstraint() + ")");
      }
    }
    return failure;
  }
}
