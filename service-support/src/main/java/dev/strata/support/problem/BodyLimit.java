package dev.strata.support.problem;

import io.vertx.core.http.HttpServerRequest;

/**
 * The largest body a request may carry. By default every request gets
 * {@code quarkus.http.limits.max-body-size}; a service with tighter limits on some paths (agent-service:
 * uploads vs JSON bodies) provides its own bean, which replaces the default. A limit above the global
 * one has no effect: Quarkus's own check still applies.
 */
public interface BodyLimit {

  long bytesFor(HttpServerRequest request);

  /**
   * Whether the application itself counts this body while streaming it and answers its own 413 (a
   * file store does, and cleans up after itself); Quarkus's reader then keeps the global limit, so
   * it does not cut the body off first with a bare 413.
   */
  default boolean countedWhileStreaming(HttpServerRequest request) {
    return false;
  }
}
