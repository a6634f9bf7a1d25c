package dev.strata.agent.domain.access;

import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.security.Roles;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The platform roles a user or API key may hold, stored as a sorted comma-separated list. */
public final class SecurityRoles {

  public static final Set<String> KNOWN = Set.of(Roles.ADMIN, Roles.OPERATOR, Roles.READER, Roles.SERVICE);

  private SecurityRoles() {}

  /** {@code roles} when it is a non-empty set of known roles; otherwise a client-facing error. */
  public static Set<String> require(Set<String> roles) {
    if (roles == null || roles.isEmpty() || !KNOWN.containsAll(roles)) {
      throw new DomainException.Invalid("roles must be a non-empty subset of " + new TreeSet<>(KNOWN));
    }
    return Set.copyOf(roles);
  }

  public static String join(Set<String> roles) {
    return String.join(",", new TreeSet<>(roles));
  }

  public static Set<String> split(String stored) {
    return Arrays.stream(stored.split(",")).map(String::trim).filter(r -> !r.isEmpty()).collect(Collectors.toUnmodifiableSet());
  }
}
