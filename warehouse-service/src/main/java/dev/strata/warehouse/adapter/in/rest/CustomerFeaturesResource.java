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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

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
  @Operation(summary = "Customers' encoded gold features for scoring, a page at a time in customer id order",
      description = "Name customers with `customerId` (repeated), or ask for the active ones, or neither for all. "
          + "The answer's `nextCursor` is null on the last page; otherwise pass it as `cursor` for the next one.")
  public Uni<CustomerFeatures> get(
      @Parameter(description = "only these customers (repeatable); for more ids than a query string carries, POST /customer-features/search")
      @QueryParam("customerId") List<String> customerIds,
      @Parameter(description = "true: only active customers (no churn date, not churned)") @QueryParam("active") boolean active,
      @Parameter(description = "page size, 1..10000 (default 1000)") @QueryParam("limit") String limit,
      @Parameter(description = "the nextCursor of the previous page (the last customer id it held); absent, the first page")
      @QueryParam("cursor") String cursor) {
    return features.run(customerIds == null ? List.of() : customerIds, active,
        Params.integer("limit", limit, ReadCustomerFeatures.DEFAULT_LIMIT), cursor);
  }

  /** The customers named in the body, all in one page: as many ids as a GET query string could never carry. */
  @RolesAllowed(Roles.READER)
  @POST
  @Path("search")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The encoded gold features of the customers the body names (1 to 10,000 ids), in one page; unknown ids are left out")
  public Uni<CustomerFeatures> search(@NotNull CustomerFeatureQuery query) {
    int ids = query.customerIds().size();
    if (ids < 1 || ids > ReadCustomerFeatures.MAX_LIMIT) {
      throw new DomainException.Invalid("customerIds must name 1 to " + ReadCustomerFeatures.MAX_LIMIT + " customers");
    }
    return features.run(query.customerIds(), false, ids, null);
  }
}
