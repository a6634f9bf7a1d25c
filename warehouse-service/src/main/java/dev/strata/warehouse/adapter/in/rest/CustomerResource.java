package dev.strata.warehouse.adapter.in.rest;

import dev.strata.warehouse.application.CustomerQueries;
import dev.strata.warehouse.application.ImportCustomers;
import dev.strata.warehouse.domain.customer.Customer;
import dev.strata.warehouse.domain.customer.UsageRecord;
import dev.strata.kernel.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** Customers and their usage (the churn app's API). */
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

  /** What an import did. */
  public record Imported(int imported) {}

  private final CustomerQueries queries;
  private final ImportCustomers importCustomers;

  CustomerResource(CustomerQueries queries, ImportCustomers importCustomers) {
    this.queries = queries;
    this.importCustomers = importCustomers;
  }

  @RolesAllowed(Roles.READER)
  @GET
  public Uni<List<Customer>> list(@QueryParam("active") boolean active, @QueryParam("limit") String limit,
      @QueryParam("after") String after) {
    return queries.list(active, Params.integer("limit", limit, 100), after);
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/sample")
  public Uni<List<Customer>> sample(@QueryParam("n") String n) {
    return queries.sample(Params.integer("n", n, 10));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/{id}")
  public Uni<Customer> get(@PathParam("id") String id) {
    return queries.find(id);
  }

  @RolesAllowed(Roles.OPERATOR)
  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Uni<Customer> upsert(@PathParam("id") String id, @Valid @NotNull CustomerBody body) {
    Customer customer = body.toCustomer(id);
    return importCustomers.run(List.of(customer).iterator()).replaceWith(customer);
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/{id}/usage")
  public Uni<List<UsageRecord>> usage(@PathParam("id") String id, @QueryParam("from") String from,
      @QueryParam("to") String to, @QueryParam("limit") String limit) {
    return queries.usage(id, Params.instant("from", from), Params.instant("to", to), Params.integer("limit", limit, 1000));
  }

  @RolesAllowed(Roles.OPERATOR)
  /** Blocking: the body is read as a stream while the rows are written, never held whole. */
  @POST
  @Blocking
  @Path("/import")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  public Uni<Imported> importCsv(InputStream csv) {
    return Uni.createFrom().item(() -> TelcoCsv.read(csv)).chain(importCustomers::run)
        .onFailure().invoke(() -> discardRest(csv))
        .map(Imported::new);
  }

  // the client is still sending: refused before its body is read, it would see a broken pipe, not the 422
  private static void discardRest(InputStream csv) {
    try {
      csv.transferTo(OutputStream.nullOutputStream());
    } catch (IOException gone) {
      // the client went away; there is nobody left to answer
    }
  }
}
