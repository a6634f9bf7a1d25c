package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.domain.shared.Caller;
import dev.strata.kernel.security.Roles;
import jakarta.ws.rs.core.SecurityContext;

/** The {@link Caller} of a request, from its verified token. */
public final class Callers {

  private Callers() {}

  public static Caller of(SecurityContext who) {
    String name = who.getUserPrincipal() == null ? "" : who.getUserPrincipal().getName();
    return new Caller(name, who.isUserInRole(Roles.ADMIN), who.isUserInRole(Roles.SERVICE));
  }
}
