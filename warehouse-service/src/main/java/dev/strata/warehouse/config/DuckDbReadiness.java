package dev.strata.warehouse.config;

import dev.strata.warehouse.adapter.out.duckdb.DuckDbWarehouse;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the DuckDB file answers a query on a reader connection. */
@Readiness
@ApplicationScoped
public class DuckDbReadiness implements HealthCheck {

  private final DuckDbWarehouse warehouse;

  DuckDbReadiness(DuckDbWarehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("duckdb").withData("file", warehouse.file().toString());
    try {
      warehouse.read(connection -> connection.createStatement().executeQuery("SELECT 1").next());
      return response.up().build();
    } catch (RuntimeException e) {
      return response.down().withData("error", e.getMessage()).build();
    }
  }
}
