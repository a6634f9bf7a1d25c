package dev.strata.kernel.security;

/** Claims of Strata's bearer tokens beyond the standard ones ({@code sub}, {@code upn}, {@code groups}, {@code iat}, {@code exp}). */
public final class TokenClaims {

  /**
   * The token's version: the instant it was issued, in epoch milliseconds (finer than {@code iat}'s
   * seconds, so a token issued just after a revocation is not refused with the ones before it). Every
   * service refuses a token below its subject's revoked version. Absent (tokens minted elsewhere) counts as 0.
   */
  public static final String TOKEN_VERSION = "tver";

  private TokenClaims() {}
}
