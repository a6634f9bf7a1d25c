package dev.strata.warehouse.adapter.in.rest;

import dev.strata.support.problem.BodyLimit;
import dev.strata.warehouse.settings.WarehouseConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Two body limits on one server, enforced by service-support's {@code OversizedBodies}: a customer import
 * may be as large as {@code warehouse.http.import-max-body-size} (it is streamed into DuckDB, never held
 * whole), every other body at most {@code warehouse.http.max-body-size}.
 * {@code quarkus.http.limits.max-body-size} stays the outer bound.
 */
@ApplicationScoped
public class WarehouseBodyLimit implements BodyLimit {

  private final long importLimit;
  private final long bodyLimit;

  WarehouseBodyLimit(WarehouseConfig config) {
    this.importLimit = config.http().importMaxBodySize().asLongValue();
    this.bodyLimit = config.http().maxBodySize().asLongValue();
  }

  @Override
  public long bytesFor(HttpServerRequest request) {
    return isImport(request) ? importLimit : bodyLimit;
  }

  private static boolean isImport(HttpServerRequest request) {
    return request.method() == HttpMethod.POST && request.path().matches("/customers/import/?");
  }
}
