package dev.strata.support.problem;

import dev.strata.kernel.error.Problem;
import dev.strata.kernel.error.ProblemType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds {@code application/problem+json} responses. */
public final class ProblemResponses {

  private ProblemResponses() {}

  public static Response of(ProblemType type, String detail) {
    return of(Problem.of(type, detail));
  }

  public static Response of(ProblemType type, String detail, List<Problem.Violation> violations) {
    return of(Problem.of(type, detail, violations));
  }

  public static Response of(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
