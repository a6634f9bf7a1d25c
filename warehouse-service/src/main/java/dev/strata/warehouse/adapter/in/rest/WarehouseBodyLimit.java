package dev.strata.warehouse.adapter.in.rest;

import dev.strata.support.problem.BodyLimit;
import dev.strata.warehouse.settings.WarehouseConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Body limits per path, enforced by service-support's {@code OversizedBodies}: a customer import may be as
 * large as {@code warehouse.http.import-max-body-size} (it is streamed into DuckDB, never held whole), a chart
 * set at most {@code warehouse.http.chart-set-max-size} (a document, read whole), every other body at most
 * {@code warehouse.http.max-body-size}.
 * {@code quarkus.http.limits.max-body-size} stays the outer bound.
 */
@ApplicationScoped
public class WarehouseBodyLimit implements BodyLimit {

  private final long importLimit;
  private final long chartSetLimit;
  private final long bodyLimit;

  WarehouseBodyLimit(WarehouseConfig config) {
    this.importLimit = config.http().importMaxBodySize().asLongValue();
    this.chartSetLimit = config.http().chartSetMaxSize().asLongValue();
    this.bodyLimit = config.http().maxBodySize().asLongValue();
  }

  @Override
  public long bytesFor(HttpServerRequest request) {
    if (isImport(request)) {
      return importLimit;
    }
    return request.path().startsWith("/chart-sets/") ? chartSetLimit : bodyLimit;
  }

  private static boolean isImport(HttpServerRequest request) {
    return request.method() == HttpMethod.POST && request.path().matches("/customers/import/?");
  }
}
