package dev.strata.ingest.adapter.in.rest;

import dev.strata.ingest.application.PullBars;
import dev.strata.ingest.application.PullBarsCommand;
import dev.strata.ingest.application.PullReport;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /pulls}: backfill a symbol's missing trading days from the market-data provider. */
@Path("/pulls")
public class PullsResource {

  /** The symbol, frame and trading days to fill. */
  public record PullRequest(@NotBlank String symbol, @NotBlank String frame, @NotNull LocalDate from, @NotNull LocalDate to) {}

  private final PullBars pullBars;

  PullsResource(PullBars pullBars) {
    this.pullBars = pullBars;
  }

  @POST
  @RolesAllowed(Roles.OPERATOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Backfill a symbol's missing trading days from the market-data provider",
      description = "Resumes after the symbol's checkpoint, finds the exchange trading days between `from` and `to` that have no bars "
          + "(weekends and holidays are not gaps), fetches only those and lands them as one job. The report names the gaps, the bars "
          + "landed, the job and the days still missing.")
  public Uni<PullReport> pull(@Valid @NotNull PullRequest request) {
    return Uni.createFrom().deferred(() ->
        pullBars.run(new PullBarsCommand(request.symbol(), request.frame(), request.from(), request.to())));
  }
}
