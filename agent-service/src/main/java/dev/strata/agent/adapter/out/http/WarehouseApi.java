package dev.strata.agent.adapter.out.http;

import dev.strata.kernel.api.QueryResult;
import dev.strata.support.security.ServiceTokenHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** warehouse-service's named queries, as the {@code warehouse-query} step calls them. */
@RegisterClientHeaders(ServiceTokenHeaders.class)
@RegisterRestClient(configKey = "warehouse")
@Path("/queries")
public interface WarehouseApi {

  @POST
  @Path("/{name}")
  Uni<QueryResult> query(@PathParam("name") String name, Map<String, Object> params);
}
