package dev.strata.agent.adapter.in.rest;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.strata.kernel.error.Problem;
import dev.strata.kernel.error.ProblemType;
import dev.strata.support.problem.ProblemResponses;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * quarkus-rest-jackson maps {@link MismatchedInputException} (a wrong enum value, a string for a
 * number) itself, with a plain JSON body; it is more specific than service-support's
 * {@code JsonMappingException} mapper, so this one restores the problem+json answer.
 */
public class JsonInputMappers {

  @ServerExceptionMapper(priority = 1)
  public Response mismatched(MismatchedInputException e) {
    String path = e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
    String detail = e instanceof UnrecognizedPropertyException unknown
        ? "unknown field '" + unknown.getPropertyName() + "'"
        : "request body does not fit the expected shape at '" + path + "'";
    return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, detail, List.of(new Problem.Violation(path, e.getOriginalMessage())));
  }
}
