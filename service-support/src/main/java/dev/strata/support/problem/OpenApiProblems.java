package dev.strata.support.problem;

import dev.strata.kernel.error.Problem;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * States in every service's OpenAPI document the error answers each operation can give, all of them
 * {@code application/problem+json} ({@link Problem}), derived from the operation's shape: 400 and 413 where it
 * takes parameters or a body, 401 and 403 where it needs a token, 404 where its path names something, 503
 * always (a store or dependency out of reach, or the service stopping). An answer an operation already
 * documents keeps its description and gains the problem body.
 */
public class OpenApiProblems implements OASFilter {

  static final String SCHEMA = "Problem";
  private static final String REF = "#/components/schemas/" + SCHEMA;

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    openAPI.getComponents().addSchema(SCHEMA, problemSchema());
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI.getPaths().getPathItems().forEach((path, item) -> operations(item).forEach(operation -> describe(path, operation)));
  }

  private static List<Operation> operations(PathItem item) {
    return item.getOperations() == null ? List.of() : List.copyOf(item.getOperations().values());
  }

  private static void describe(String path, Operation operation) {
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    APIResponses responses = operation.getResponses();
    boolean takesInput = operation.getRequestBody() != null
        || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    if (takesInput) {
      problem(responses, "400", "The request is invalid: the problem names the parameter or field at fault");
    }
    if (operation.getRequestBody() != null) {
      problem(responses, "413", "The body is over this endpoint's size limit");
    }
    if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
      problem(responses, "401", "No bearer token, or one that is invalid, expired or revoked");
      problem(responses, "403", "The token's roles do not allow this operation");
    }
    if (path.contains("{")) {
      problem(responses, "404", "Nothing by that name or id");
    }
    problem(responses, "503", "A store or dependency is out of reach, or the service is stopping; retry after Retry-After");
  }

  private static void problem(APIResponses responses, String status, String description) {
    APIResponse response = responses.getAPIResponse(status);
    if (response == null) {
      response = OASFactory.createAPIResponse().description(description);
      responses.addAPIResponse(status, response);
    }
    if (response.getContent() == null) {
      response.setContent(OASFactory.createContent());
    }
    if (response.getContent().getMediaType(Problem.MEDIA_TYPE) == null) {
      response.getContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
    }
  }

  private static Schema problemSchema() {
    Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
        .properties(Map.of("field", text, "message", text));
    return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
        .description("An RFC 9457 problem detail, the body of every 4xx and 5xx answer")
        .required(List.of("type", "title", "status"))
        .properties(Map.of(
            "type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"),
            "title", text,
            "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
            "detail", text,
            "instance", text,
            "violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation)));
  }
}
