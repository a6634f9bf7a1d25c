package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.domain.shared.Query;
import jakarta.ws.rs.BadRequestException;
import java.util.Map;
import java.util.UUID;

/**
 * Turns query-string paging, sorting and search into a {@link Query}. Values come in as text so a
 * malformed number is a 400 of ours, not the framework's 404; a limit above the maximum is clamped.
 */
final class Paging {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;
  private static final int MAX_SEARCH = 100;

  private Paging() {}

  static Query query(Map<String, String> filters, String q, String sort, String offset, String limit) {
    int parsedLimit = Math.min(number("limit", limit, DEFAULT_LIMIT), MAX_LIMIT);
    if (parsedLimit < 1) {
      throw new BadRequestException("limit must be >= 1");
    }
    int parsedOffset = number("offset", offset, 0);
    if (q != null && q.length() > MAX_SEARCH) {
      throw new BadRequestException("q must be at most " + MAX_SEARCH + " characters");
    }
    boolean descending = sort != null && sort.startsWith("-");
    String field = sort == null || sort.isBlank() ? null : (descending ? sort.substring(1) : sort);
    var present = new java.util.HashMap<String, String>();
    filters.forEach((key, value) -> {
      if (value != null) {
        present.put(key, value);
      }
    });
    return new Query(present, q, field, descending, parsedOffset, parsedLimit);
  }

  static int number(String name, String raw, int fallback) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value < 0) {
        throw new BadRequestException(name + " must not be negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " must be an integer between 0 and " + Integer.MAX_VALUE);
    }
  }

  static UUID id(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("'" + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "' is not a UUID");
    }
  }
}
