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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

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
  @Operation(summary = "List customers in id order, a page at a time (keyset paging)")
  public Uni<List<Customer>> list(
      @Parameter(description = "true: only active customers (no churn date, not churned)") @QueryParam("active") boolean active,
      @Parameter(description = "page size (default 100; taken as 1..10000)") @QueryParam("limit") String limit,
      @Parameter(description = "start after this customer id: the last id of the previous page; absent, the first page")
      @QueryParam("after") String after) {
    return queries.list(active, Params.integer("limit", limit, 100), after);
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/sample")
  @Operation(summary = "A random sample of customers")
  public Uni<List<Customer>> sample(@Parameter(description = "how many customers (default 10; taken as 1..100)") @QueryParam("n") String n) {
    return queries.sample(Params.integer("n", n, 10));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/{id}")
  @Operation(summary = "Get one customer")
  public Uni<Customer> get(@Parameter(description = "the customer's id, e.g. C00002") @PathParam("id") String id) {
    return queries.find(id);
  }

  @RolesAllowed(Roles.OPERATOR)
  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create or replace a customer (Telco vocabulary; values outside it are a 422)")
  public Uni<Customer> upsert(@Parameter(description = "the customer's id, e.g. C00002") @PathParam("id") String id,
      @Valid @NotNull CustomerBody body) {
    Customer customer = body.toCustomer(id);
    return importCustomers.run(List.of(customer).iterator()).replaceWith(customer);
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/{id}/usage")
  @Operation(summary = "A customer's usage events from silver, in a time range")
  public Uni<List<UsageRecord>> usage(@Parameter(description = "the customer's id, e.g. C00002") @PathParam("id") String id,
      @Parameter(description = "from this instant on, inclusive: an ISO-8601 instant or date (a date is midnight UTC)")
      @QueryParam("from") String from,
      @Parameter(description = "up to this instant, exclusive: an ISO-8601 instant or date (a date is midnight UTC)") @QueryParam("to") String to,
      @Parameter(description = "at most this many events (default 1000; taken as 1..10000)") @QueryParam("limit") String limit) {
    return queries.usage(id, Params.instant("from", from), Params.instant("to", to), Params.integer("limit", limit, 1000));
  }

  @RolesAllowed(Roles.OPERATOR)
  /** Blocking: the body is read as a stream while the rows are written, never held whole. */
  @POST
  @Blocking
  @Path("/import")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  @Operation(summary = "Import customers from a CSV in the Telco layout, all or nothing; answers how many were imported",
      description = "Header `customer_id,churn,female,...,total_charges`, `NA` for unknown, RFC 4180 quoting. Up to 256 MB in one "
          + "request (warehouse.http.import-max-body-size). A bad line, or a customer id twice, is a 422 naming it, and nothing is "
          + "imported.")
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
