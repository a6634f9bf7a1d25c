package dev.strata.agent.domain.shared;

import java.util.Map;

/**
 * What a list or count asks for: equality filters on named fields, an optional case-insensitive
 * name search, a sort and a page window. Field names are checked by the adapter against the
 * aggregate's filterable fields, so a query can never name an arbitrary column.
 */
public record Query(
    Map<String, String> filters, String search, String sortField, boolean descending, int offset, int limit) {

  public Query {
    filters = filters == null ? Map.of() : Map.copyOf(filters);
    search = search == null || search.isBlank() ? null : search;
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
    }
  }

  public static Query all(int limit) {
    return new Query(Map.of(), null, null, false, 0, limit);
  }
}
