package dev.strata.warehouse.adapter.in.rest;

import dev.strata.kernel.api.CustomerFeatureQuery;
import dev.strata.kernel.api.CustomerFeatures;
import dev.strata.kernel.error.DomainException;
import dev.strata.warehouse.application.ReadCustomerFeatures;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Gold customer features for scoring-service; the feature order is documented in the README. */
@Path("/customer-features")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerFeaturesResource {

  private final ReadCustomerFeatures features;

  CustomerFeaturesResource(ReadCustomerFeatures features) {
    this.features = features;
  }

  @RolesAllowed(Roles.READER)
  @GET
  public Uni<CustomerFeatures> get(@QueryParam("customerId") List<String> customerIds,
      @QueryParam("active") boolean active, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    return features.run(customerIds == null ? List.of() : customerIds, active,
        Params.integer("limit", limit, ReadCustomerFeatures.DEFAULT_LIMIT), cursor);
  }

  /** The customers named in the body, all in one page: as many ids as a GET query string could never carry. */
  @RolesAllowed(Roles.READER)
  @POST
  @Path("search")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<CustomerFeatures> search(@NotNull CustomerFeatureQuery query) {
    int ids = query.customerIds().size();
    if (ids < 1 || ids > ReadCustomerFeatures.MAX_LIMIT) {
      throw new DomainException.Invalid("customerIds must name 1 to " + ReadCustomerFeatures.MAX_LIMIT + " customers");
    }
    return features.run(query.customerIds(), false, ids, null);
  }
}
