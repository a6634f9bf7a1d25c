package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.application.ListNotifications;
import dev.strata.agent.domain.notification.DeliveryStatus;
import dev.strata.agent.domain.notification.Notification;
import dev.strata.kernel.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Delivery status of notifications, newest first. */
@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
public class NotificationResource {

  private final ListNotifications list;

  NotificationResource(ListNotifications list) {
    this.list = list;
  }

  @RolesAllowed(Roles.READER)
  @GET
  @Operation(summary = "List notification deliveries, newest first, a page at a time; the webhook URL only for administrators")
  public Uni<PageView<Notification>> list(
      @Parameter(description = "only deliveries with this outcome: DELIVERED, FAILED (may be retried) or REJECTED (refused for good)")
      @QueryParam("status") String status,
      @Parameter(description = "how many items to skip (default 0)") @QueryParam("offset") String offset,
      @Parameter(description = "page size, at least 1 (default 50; above 200 is taken as 200)") @QueryParam("limit") String limit,
      @Context SecurityContext who) {
    var query = Paging.query(Map.of(), null, null, offset, limit);
    // a webhook URL often is the secret (a token in its path or query): administrators only
    boolean admin = who.isUserInRole(Roles.ADMIN);
    return list.run(status(status), query.offset(), query.limit()).map(page -> PageView.of(page, n -> admin ? n : withoutUrl(n)));
  }

  private static Notification withoutUrl(Notification n) {
    return new Notification(n.messageId(), n.channel(), null, n.subject(), n.status(), n.attempts(), n.lastError(), n.executionId(),
        n.createdAt(), n.updatedAt());
  }

  private static DeliveryStatus status(String raw) {
    if (raw == null) {
      return null;
    }
    try {
      return DeliveryStatus.valueOf(raw);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("status must be one of DELIVERED, FAILED, REJECTED");
    }
  }
}
