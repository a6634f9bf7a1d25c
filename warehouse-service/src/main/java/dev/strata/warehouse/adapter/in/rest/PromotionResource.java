package dev.strata.warehouse.adapter.in.rest;

import dev.strata.warehouse.application.PromoteDatasets;
import dev.strata.warehouse.domain.promotion.PromotionOutcome;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Promotes every promotable bronze file now (the same work {@code dataset.ingested} triggers). */
@Path("/promotions")
@Produces(MediaType.APPLICATION_JSON)
public class PromotionResource {

  private final PromoteDatasets promote;

  PromotionResource(PromoteDatasets promote) {
    this.promote = promote;
  }

  @RolesAllowed(Roles.OPERATOR)
  @POST
  @Operation(summary = "Promote every promotable bronze file to silver and gold now; answers one outcome per dataset kind")
  public Uni<List<PromotionOutcome>> promote() {
    return promote.run("api");
  }
}
