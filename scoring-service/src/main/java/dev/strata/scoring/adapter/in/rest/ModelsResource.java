package dev.strata.scoring.adapter.in.rest;

import dev.strata.kernel.security.Roles;
import dev.strata.scoring.application.ManageModelVersions;
import dev.strata.scoring.application.TrainModel;
import dev.strata.scoring.domain.model.ModelTask;
import dev.strata.scoring.domain.training.TrainingJob;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Model administration and training (problem+json errors). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Models")
public class ModelsResource {

  private final ManageModelVersions versions;
  private final TrainModel training;

  public ModelsResource(ManageModelVersions versions, TrainModel training) {
    this.versions = versions;
    this.training = training;
  }

  /** What an uploader says about the ONNX file (features in the model's input column order). */
  public record UploadMetadata(
      @NotNull ModelTask task,
      @NotEmpty List<@NotNull String> features,
      Integer positiveIndex,
      Map<String, Double> metrics,
      @Pattern(regexp = "[0-9a-fA-F]{64}") String sha256,
      @Pattern(regexp = "[a-z][a-z0-9_-]{0,63}") String alias) {}

  /** Which version an alias should name. */
  public record AliasTarget(@NotNull @Pattern(regexp = "[1-9][0-9]{0,8}") String version) {}

  @GET
  @RolesAllowed(Roles.READER)
  @Path("models/{name}/versions")
  @Operation(summary = "List a model's versions (their cards), its aliases and its archived versions")
  public Uni<ManageModelVersions.Listing> list(
      @Parameter(description = "the model's name, e.g. churn_model or risk_model") @PathParam("name") String name) {
    return versions.list(name);
  }

  // An upload can name an alias (champion): registry promotion, so admin only. Blocking: the
  // uploaded file is read from disk before anything else happens
  @POST
  @Blocking
  @RolesAllowed(Roles.ADMIN)
  @Path("models/{name}/versions")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "Register a new version of a model from an ONNX file and its metadata (admin)",
      description = "Multipart: `model` is the ONNX file, `metadata` the JSON `{task, features, positiveIndex?, metrics?, sha256?, alias?}`, "
          + "`features` in the model's input column order. An `alias` (e.g. champion) is pointed at the new version. "
          + "201 with the version's card.")
  public Uni<Response> upload(
      @Parameter(description = "the model's name, e.g. churn_model or risk_model") @PathParam("name") String name,
      @RestForm("model") FileUpload model,
      @RestForm("metadata") @PartType(MediaType.APPLICATION_JSON) @Valid UploadMetadata metadata, @Context SecurityContext who) {
    if (model == null || metadata == null) {
      throw new BadRequestException("multipart parts 'model' (the ONNX file) and 'metadata' (JSON) are required");
    }
    return versions.upload(name, read(model), new ManageModelVersions.Upload(metadata.task(),
        metadata.features(), metadata.positiveIndex(), metadata.metrics(), metadata.sha256(), metadata.alias()), actor(who))
        .map(card -> Response.created(URI.create("/v2/models/" + name + "/versions/" + card.version())).entity(card).build());
  }

  @PUT
  @RolesAllowed(Roles.ADMIN)
  @Path("models/{name}/aliases/{alias}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Point an alias such as champion or challenger at a version (admin); 409 for an archived version",
      description = "The body is `{\"version\": \"3\"}`. Unversioned inference uses the champion. Answers the model's listing.")
  public Uni<ManageModelVersions.Listing> setAlias(
      @Parameter(description = "the model's name, e.g. churn_model or risk_model") @PathParam("name") String name,
      @Parameter(description = "the alias to set, e.g. champion or challenger (lower case, at most 64 characters)") @PathParam("alias") String alias,
      @NotNull @Valid AliasTarget target, @Context SecurityContext who) {
    return versions.setAlias(name, alias, target.version(), actor(who)).chain(() -> versions.list(name));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Path("models/{name}/versions/{version}/archive")
  @Operation(summary = "Archive a model version for good (admin); 409 for the champion",
      description = "An archived version stays listed with its card and artifact, but no longer serves, takes an alias or shadows; "
          + "the aliases naming it are removed. Answers the model's listing.")
  public Uni<ManageModelVersions.Listing> archive(
      @Parameter(description = "the model's name, e.g. churn_model or risk_model") @PathParam("name") String name,
      @Parameter(description = "the version number (1, 2, 3, ...)") @PathParam("version") String version,
      @Context SecurityContext who) {
    return versions.archive(name, version, actor(who)).chain(() -> versions.list(name));
  }

  // A run replaces the champion only by beating it on the same held-out rows, whoever started it, so an
  // operator may train; replacing it without that evidence is an admin's alias move
  @POST
  @RolesAllowed(Roles.OPERATOR)
  @Path("models/{name}/train")
  @Operation(summary = "Start training a new version of churn_model or risk_model in the background",
      description = "202 with the training job; poll it at Location (`/trainings/{id}`). The new version becomes champion only when "
          + "its held-out AUC reaches the floor and beats the current champion's on the same rows; otherwise it is registered "
          + "as challenger.")
  public Uni<Response> train(@Parameter(description = "the model to train: churn_model or risk_model") @PathParam("name") String name,
      @Context SecurityContext who) {
    return training.start(name, actor(who)).map(job -> Response.accepted(job).location(URI.create("/trainings/" + job.id())).build());
  }

  @GET
  @RolesAllowed(Roles.READER)
  @Path("trainings/{id}")
  @Operation(summary = "Get a training job: state and stage, then the new version, its metrics and the promotion decision")
  public Uni<TrainingJob> job(
      @Parameter(description = "the training job's id (a UUID), as the Location of the train answer names it") @PathParam("id") String id) {
    return training.job(id);
  }

  private static String actor(SecurityContext who) {
    return who.getUserPrincipal() == null ? "anonymous" : who.getUserPrincipal().getName();
  }

  private static byte[] read(FileUpload upload) {
    try {
      return Files.readAllBytes(upload.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
