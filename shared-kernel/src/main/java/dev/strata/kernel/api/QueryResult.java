package dev.strata.kernel.api;

import java.util.List;
import java.util.Map;

/** A named warehouse query's answer ({@code POST /queries/{name}}): rows as column → value. */
public record QueryResult(String name, List<String> columns, List<Map<String, Object>> rows) {

  public QueryResult {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }
}
