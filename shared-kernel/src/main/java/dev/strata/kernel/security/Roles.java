package dev.strata.kernel.security;

/**
 * The platform's roles. Reads need {@link #READER}, writes {@link #OPERATOR}; registry promotion,
 * cache flushes and user management need {@link #ADMIN}; services calling each other carry a
 * {@link #SERVICE} token. Higher roles include lower ones (mapped in configuration), so an
 * endpoint names only the least role it needs.
 */
public final class Roles {

  public static final String ADMIN = "admin";
  public static final String OPERATOR = "operator";
  public static final String READER = "reader";
  public static final String SERVICE = "service";

  private Roles() {}
}
