package dev.strata.warehouse.adapter.out.duckdb;

/** DuckDB failed for a reason that is not the client's (I/O, SQL bug): a 500 with an incident id. */
public class WarehouseFailure extends RuntimeException {

  public WarehouseFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
