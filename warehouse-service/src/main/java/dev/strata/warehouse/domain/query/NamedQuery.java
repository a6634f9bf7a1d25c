package dev.strata.warehouse.domain.query;

import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The questions other services may ask the warehouse by name. Each declares its parameters;
 * {@link #bind} validates a request's parameters into typed values, so only validated values ever
 * reach SQL (as bind parameters).
 */
public enum NamedQuery {
  /** Active customers by id. Parameters: {@code limit} (1..10000, default 100). */
  ACTIVE_CUSTOMERS("active-customers", Set.of("limit"), 100),
  /**
   * Active customers ranked by churn risk points: month-to-month contract (+2), tenure under 12
   * months (+1), fewer usage events in the last 30 days than in the 30 before (+1), electronic
   * check payment (+1); ties broken by higher monthly charges. Parameters: {@code limit} (default 20).
   */
  AT_RISK_CUSTOMERS("at-risk-customers", Set.of("limit"), 20),
  /**
   * Symbols of a frame ranked by traded value (sum of close × volume) in gold. Parameters:
   * {@code frame} (default {@code 1d}), {@code limit} (default 10).
   */
  TOP_SYMBOLS("top-symbols", Set.of("limit", "frame"), 10);

  public static final int MAX_LIMIT = 10_000;

  private final String queryName;
  private final Set<String> parameters;
  private final int defaultLimit;

  NamedQuery(String queryName, Set<String> parameters, int defaultLimit) {
    this.queryName = queryName;
    this.parameters = parameters;
    this.defaultLimit = defaultLimit;
  }

  public String queryName() {
    return queryName;
  }

  /** The query called {@code name}; unknown names are not found. */
  public static NamedQuery named(String name) {
    return Arrays.stream(values()).filter(q -> q.queryName.equals(name)).findFirst()
        .orElseThrow(() -> new DomainException.NotFound("no named query '" + name + "'"));
  }

  /** The typed parameters (defaults filled in); unknown or ill-typed parameters are invalid. */
  public Map<String, Object> bind(Map<String, Object> given) {
    Map<String, Object> raw = given == null ? Map.of() : given;
    for (String key : raw.keySet()) {
      if (!parameters.contains(key)) {
        throw new DomainException.Invalid("query '" + queryName + "' has no parameter '" + key + "'; it takes " + parameters);
      }
    }
    Map<String, Object> bound = new HashMap<>();
    bound.put("limit", limit(raw.getOrDefault("limit", defaultLimit)));
    if (parameters.contains("frame")) {
      Object frame = raw.getOrDefault("frame", "1d");
      if (!(frame instanceof String text)) {
        throw new DomainException.Invalid("parameter 'frame' must be a string such as 1d");
      }
      bound.put("frame", SafeName.FRAME.require(text));
    }
    return bound;
  }

  private static int limit(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      long limit = ((Number) value).longValue();
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return (int) limit;
      }
    }
    throw new DomainException.Invalid("parameter 'limit' must be an integer from 1 to " + MAX_LIMIT);
  }
}
