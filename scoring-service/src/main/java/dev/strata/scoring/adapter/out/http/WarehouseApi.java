package dev.strata.scoring.adapter.out.http;

import dev.strata.kernel.api.CustomerFeatures;
import dev.strata.support.security.ServiceTokenHeaders;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** warehouse-service's customer-features endpoint (config key {@code warehouse}). */
@RegisterRestClient(configKey = "warehouse")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/customer-features")
@Produces(MediaType.APPLICATION_JSON)
public interface WarehouseApi {

  /** Null parameters are left out of the query. */
  @GET
  CustomerFeatures customerFeatures(
      @QueryParam("customerId") List<String> customerIds,
      @QueryParam("active") Boolean active,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor);
}
