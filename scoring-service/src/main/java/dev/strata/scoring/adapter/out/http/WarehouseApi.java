package dev.strata.scoring.adapter.out.http;

import dev.strata.kernel.api.CustomerFeatureQuery;
import dev.strata.kernel.api.CustomerFeatures;
import dev.strata.kernel.error.DomainException;
import dev.strata.scoring.domain.customer.CustomerFeaturesRefused;
import dev.strata.support.security.ServiceTokenHeaders;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** warehouse-service's customer-features endpoints (config key {@code warehouse}). */
@RegisterRestClient(configKey = "warehouse")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/customer-features")
@Produces(MediaType.APPLICATION_JSON)
public interface WarehouseApi {

  /** A page of customers, every one or the active ones; null parameters are left out of the query. */
  @GET
  CustomerFeatures page(
      @QueryParam("active") Boolean active,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor);

  /** The named customers in one page; the ids go in the body, which no URL length limit reaches. */
  @POST
  @Path("search")
  @Consumes(MediaType.APPLICATION_JSON)
  CustomerFeatures search(CustomerFeatureQuery query);

  /**
   * A 4xx is about the request, not warehouse's health: an invalid id is the caller's mistake (422),
   * anything else this service's ({@link CustomerFeaturesRefused}). A 5xx (null: the default exception) stays a failure of warehouse.
   */
  @ClientExceptionMapper
  static RuntimeException refusal(Response response) {
    int status = response.getStatus();
    if (status == 400 || status == 422) {
      return new DomainException.Invalid("warehouse-service refused the customer ids (" + status + ")");
    }
    if (status >= 400 && status < 500) {
      return new CustomerFeaturesRefused(status, "warehouse-service refused the request with " + status);
    }
    return null;
  }
}
