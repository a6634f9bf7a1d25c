package dev.strata.kernel.error;

import java.net.URI;

/** The kinds of problem every Strata service answers with, each with one HTTP status. */
public enum ProblemType {
  MALFORMED_REQUEST(400, "Malformed request"),
  UNAUTHORIZED(401, "Authentication required"),
  FORBIDDEN(403, "Not allowed"),
  NOT_FOUND(404, "Not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  CONFLICT(409, "Conflict"),
  PAYLOAD_TOO_LARGE(413, "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  INVALID_REQUEST(422, "Invalid request"),
  TOO_MANY_REQUESTS(429, "Too many requests"),
  INTERNAL(500, "Internal error"),
  UNAVAILABLE(503, "Service unavailable");

  private final int status;
  private final String title;

  ProblemType(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** A stable identifier for the kind of problem, e.g. {@code urn:strata:problem:not-found}. */
  public URI uri() {
    return URI.create("urn:strata:problem:" + name().toLowerCase().replace('_', '-'));
  }

  /** The problem type of an HTTP status, or {@link #INTERNAL} for a status without one. */
  public static ProblemType ofStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status) {
        return type;
      }
    }
    return status >= 400 && status < 500 ? MALFORMED_REQUEST : INTERNAL;
  }
}
