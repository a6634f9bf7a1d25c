package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.application.SearchAudit;
import dev.strata.agent.application.VerifyAudit;
import dev.strata.agent.domain.audit.AuditRecord;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log: search it, verify its hash chain. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditResource {

  /** What verification found: {@code brokenAtSeq} and {@code reason} only when not OK. */
  public record VerificationView(String status, long checked, Long brokenAtSeq, String reason) {}

  private final SearchAudit search;
  private final VerifyAudit verify;

  AuditResource(SearchAudit search, VerifyAudit verify) {
    this.search = search;
    this.verify = verify;
  }

  /** Newest first; {@code from}/{@code to} are ISO-8601 instants (to is exclusive). */
  @RolesAllowed(Roles.READER)
  @GET
  @Operation(summary = "Search the audit log of every service, newest first, a page at a time")
  public Uni<PageView<AuditRecord>> search(
      @Parameter(description = "only records of this actor (exact match: a username, api-key:<name> or service:<name>)") @QueryParam("actor") String actor,
      @Parameter(description = "only records on this resource (exact match, e.g. /executions/{id})") @QueryParam("resource") String resource,
      @Parameter(description = "only records at or after this ISO-8601 instant, e.g. 2026-01-31T00:00:00Z") @QueryParam("from") String from,
      @Parameter(description = "only records before this ISO-8601 instant (exclusive)") @QueryParam("to") String to,
      @Parameter(description = "how many items to skip (default 0)") @QueryParam("offset") String offset,
      @Parameter(description = "page size, at least 1 (default 50; above 200 is taken as 200)") @QueryParam("limit") String limit) {
    var query = Paging.query(java.util.Map.of(), null, null, offset, limit);
    return search.run(actor, resource, instant("from", from), instant("to", to), query.offset(), query.limit())
        .map(page -> PageView.of(page, row -> row));
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Path("/verify")
  @Operation(summary = "Verify the audit log's hash chain: OK, or BROKEN with the first broken record and why")
  public Uni<VerificationView> verify() {
    return verify.run().map(v -> new VerificationView(v.ok() ? "OK" : "BROKEN", v.checked(),
        v.firstBreak().map(b -> b.seq()).orElse(null), v.firstBreak().map(b -> b.reason()).orElse(null)));
  }

  private static Instant instant(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
    }
  }
}
