package dev.strata.warehouse.adapter.in.rest;

import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters parsed at the edge, so a malformed one is a 400 that names it. */
final class Params {

  private Params() {}

  static int integer(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("query parameter '" + name + "' must be an integer");
    }
  }

  static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      try {
        return java.time.LocalDate.parse(value.strip()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException again) {
        throw new BadRequestException("query parameter '" + name + "' must be an ISO instant or date");
      }
    }
  }
}
