package dev.strata.kernel.error;

/**
 * A rule of the domain said no. Services map each kind to its {@link ProblemType}; the message is
 * meant for the client, so it never carries secrets or internals.
 */
public abstract sealed class DomainException extends RuntimeException
    permits DomainException.NotFound, DomainException.Conflict, DomainException.Invalid {

  protected DomainException(String message) {
    super(message);
  }

  public abstract ProblemType problemType();

  /** The resource does not exist. */
  public static final class NotFound extends DomainException {
    public NotFound(String message) {
      super(message);
    }

    @Override
    public ProblemType problemType() {
      return ProblemType.NOT_FOUND;
    }
  }

  /** The resource changed under the caller (stale version) or already exists. */
  public static final class Conflict extends DomainException {
    public Conflict(String message) {
      super(message);
    }

    @Override
    public ProblemType problemType() {
      return ProblemType.CONFLICT;
    }
  }

  /** Well-formed but semantically invalid. */
  public static final class Invalid extends DomainException {
    public Invalid(String message) {
      super(message);
    }

    @Override
    public ProblemType problemType() {
      return ProblemType.INVALID_REQUEST;
    }
  }
}
