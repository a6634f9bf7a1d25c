package dev.strata.scoring.adapter.in.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.security.Roles;
import dev.strata.scoring.application.DescribeModel;
import dev.strata.scoring.application.InferWithModel;
import dev.strata.scoring.domain.inference.TensorSpec;
import dev.strata.scoring.domain.model.ModelUnavailable;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Open Inference Protocol v2 (KServe) REST API. Unlike the rest of the service, its errors
 * are {@code {"error": "..."}} as the protocol prescribes: 400 for a bad request, 404 for an
 * unknown model or version, 503 for a model that cannot serve.
 */
@Path("/v2")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open Inference Protocol v2")
public class OipResource {

  private final InferWithModel infer;
  private final DescribeModel describe;
  private final OipRequestReader reader;
  private final OipResponseWriter writer;
  private final String serverVersion;

  public OipResource(InferWithModel infer, DescribeModel describe, ObjectMapper json,
      @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String serverVersion) {
    this.infer = infer;
    this.describe = describe;
    // fast (Schubfach / FastDoubleParser) number reading and writing: a batch is mostly numbers
    JsonFactory factory = json.getFactory().rebuild()
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
        .build();
    this.reader = new OipRequestReader(factory);
    this.writer = new OipResponseWriter(factory);
    this.serverVersion = serverVersion;
  }

  @GET
  @PermitAll
  @Operation(summary = "Server metadata (Open Inference Protocol v2): name, version and extensions")
  public Map<String, Object> server() {
    return Map.of("name", "strata-scoring", "version", serverVersion, "extensions", List.of());
  }

  @GET
  @PermitAll
  @Path("health/live")
  @Operation(summary = "Server liveness (Open Inference Protocol v2)")
  public Map<String, Boolean> live() {
    return Map.of("live", true);
  }

  @GET
  @PermitAll
  @Path("health/ready")
  @Operation(summary = "Server readiness (Open Inference Protocol v2): 200 when every champion model can serve, else 503")
  public Uni<Response> ready() {
    return describe.championsNotServing().map(notServing -> notServing.isEmpty()
        ? Response.ok(Map.of("ready", true)).build()
        : Response.status(503).entity(Map.of("ready", false, "error", "champion models not serving: " + notServing)).build());
  }

  @GET
  @RolesAllowed(Roles.READER)
  @Path("models/{name}")
  @Operation(summary = "Model metadata (Open Inference Protocol v2) of the model's champion: versions, platform, input and output tensors")
  public Uni<Response> metadata(@Parameter(description = "the model's name, e.g. churn_model") @PathParam("name") String name) {
    return guard(() -> metadataOf(name, Optional.empty()));
  }

  @GET
  @RolesAllowed(Roles.READER)
  @Path("models/{name}/versions/{version}")
  @Operation(summary = "Model metadata (Open Inference Protocol v2) of one version: versions, platform, input and output tensors")
  public Uni<Response> versionMetadata(@Parameter(description = "the model's name, e.g. churn_model") @PathParam("name") String name,
      @Parameter(description = "the model version (1, 2, 3, ...)") @PathParam("version") String version) {
    return guard(() -> metadataOf(name, Optional.of(version)));
  }

  @GET
  @RolesAllowed(Roles.READER)
  @Path("models/{name}/ready")
  @Operation(summary = "Model readiness (Open Inference Protocol v2) of the model's champion: 200 when it can serve, else 503; loads it")
  public Uni<Response> modelReady(@Parameter(description = "the model's name, e.g. churn_model") @PathParam("name") String name) {
    return guard(() -> readiness(name, Optional.empty()));
  }

  @GET
  @RolesAllowed(Roles.READER)
  @Path("models/{name}/versions/{version}/ready")
  @Operation(summary = "Model readiness (Open Inference Protocol v2) of one version: 200 when it can serve, else 503; loads it")
  public Uni<Response> versionReady(@Parameter(description = "the model's name, e.g. churn_model") @PathParam("name") String name,
      @Parameter(description = "the model version (1, 2, 3, ...)") @PathParam("version") String version) {
    return guard(() -> readiness(name, Optional.of(version)));
  }

  @POST
  @RolesAllowed(Roles.READER)
  @Path("models/{name}/infer")
  @Consumes(MediaType.WILDCARD)
  @NonBlocking
  @Operation(summary = "Inference (Open Inference Protocol v2) on the model's champion",
      description = "The body is an OIP v2 inference request: named input tensors (FP32, FP64, INT64 or BYTES; `data` flat or "
          + "nested, row-major), optionally the `outputs` to return, and an `id` that the answer echoes. Errors are "
          + "`{\"error\": ...}` as the protocol prescribes: 400 a bad request or tensor, 404 an unknown or archived model "
          + "or version, 503 a model that cannot load.")
  public Uni<Response> infer(@Parameter(description = "the model's name, e.g. churn_model") @PathParam("name") String name, byte[] body) {
    return guard(() -> inferOn(name, Optional.empty(), body));
  }

  @POST
  @RolesAllowed(Roles.READER)
  @Path("models/{name}/versions/{version}/infer")
  @Consumes(MediaType.WILDCARD)
  @NonBlocking
  @Operation(summary = "Inference (Open Inference Protocol v2) on one version of a model",
      description = "The body is an OIP v2 inference request: named input tensors (FP32, FP64, INT64 or BYTES; `data` flat or "
          + "nested, row-major), optionally the `outputs` to return, and an `id` that the answer echoes. Errors are "
          + "`{\"error\": ...}` as the protocol prescribes: 400 a bad request or tensor, 404 an unknown or archived model "
          + "or version, 503 a model that cannot load.")
  public Uni<Response> versionInfer(@Parameter(description = "the model's name, e.g. churn_model") @PathParam("name") String name,
      @Parameter(description = "the model version (1, 2, 3, ...)") @PathParam("version") String version, byte[] body) {
    return guard(() -> inferOn(name, Optional.of(version), body));
  }

  // Parsing and writing are pure CPU and happen on the event loop (@NonBlocking); on a loaded model the
  // registry and the runtime answer from memory here too, and only a first load goes to a worker thread.
  private Uni<Response> inferOn(String name, Optional<String> version, byte[] body) {
    OipRequestReader.InferRequest request = reader.read(body);
    return infer.run(name, version, request.inputs(), request.outputs()).map(result -> {
      byte[] answer = writer.write(result.card().name(), result.card().version(), request.id(), result.outputs());
      return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    });
  }

  private Uni<Response> metadataOf(String name, Optional<String> version) {
    return describe.describe(name, version).map(d -> Response.ok(Map.of(
        "name", d.card().name(),
        "versions", d.versions(),
        "platform", "onnxruntime_onnx",
        "inputs", d.signature().inputs().stream().map(OipResource::tensor).toList(),
        "outputs", d.signature().outputs().stream().map(OipResource::tensor).toList())).build());
  }

  private Uni<Response> readiness(String name, Optional<String> version) {
    return describe.ready(name, version)
        .map(ready -> Response.status(ready ? 200 : 503).entity(Map.of("name", name, "ready", ready)).build());
  }

  private static Map<String, Object> tensor(TensorSpec spec) {
    return Map.of("name", spec.name(), "datatype", spec.datatype().name(), "shape", spec.shape());
  }

  /** The protocol's errors as its answers; any other failure goes on to the exception mappers. */
  private static Uni<Response> guard(Supplier<Uni<Response>> call) {
    return Uni.createFrom().deferred(call::get)
        .onFailure(e -> e instanceof DomainException || e instanceof ModelUnavailable)
        .recoverWithItem(e -> error(e instanceof DomainException.NotFound ? 404 : e instanceof DomainException ? 400 : 503,
            e.getMessage()));
  }

  private static Response error(int status, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
  }
}
