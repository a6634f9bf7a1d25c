package dev.strata.support.security;

import dev.strata.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** An endpoint guarded the way every service guards its own. */
@Path("/guarded")
public class GuardedResource {

  @GET
  @RolesAllowed(Roles.READER)
  public String read() {
    return "read";
  }

  @POST
  @RolesAllowed(Roles.OPERATOR)
  public String write() {
    return "written";
  }

  @POST
  @Path("/admin")
  @RolesAllowed(Roles.ADMIN)
  public String administer() {
    return "administered";
  }
}
