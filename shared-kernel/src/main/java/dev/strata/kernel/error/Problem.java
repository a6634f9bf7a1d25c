package dev.strata.kernel.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every 4xx/5xx answer ({@code application/problem+json}).
 *
 * @param violations the fields at fault, when the request was invalid
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    URI type, String title, int status, String detail, String instance, List<Violation> violations) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One field at fault and why. */
  public record Violation(String field, String message) {}

  public Problem {
    violations = violations == null ? List.of() : List.copyOf(violations);
  }

  public static Problem of(ProblemType type, String detail) {
    return new Problem(type.uri(), type.title(), type.status(), detail, null, List.of());
  }

  public static Problem of(ProblemType type, String detail, List<Violation> violations) {
    return new Problem(type.uri(), type.title(), type.status(), detail, null, violations);
  }

  public Problem withInstance(String instance) {
    return new Problem(type, title, status, detail, instance, violations);
  }
}
