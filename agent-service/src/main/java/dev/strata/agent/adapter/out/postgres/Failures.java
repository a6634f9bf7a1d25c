package dev.strata.agent.adapter.out.postgres;

import dev.strata.kernel.error.DomainException;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

/** Translates database failures a client can cause into domain errors; anything else passes. */
final class Failures {

  private Failures() {}

  static Throwable translate(Throwable failure) {
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
      if (cause.getClass().getName().equals("io.vertx.pgclient.PgException") && cause.getMessage() != null
          && (cause.getMessage().contains("23505") || cause.getMessage().contains("23503"))) {
        return new DomainException.Conflict("conflicts with existing data");
      }
    }
    return failure;
  }
}
