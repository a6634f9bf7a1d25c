package dev.strata.agent.domain.audit;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one encoding an audit row is hashed in: JSON with keys sorted, no insignificant whitespace,
 * every string escaped the same way, {@code null} for an absent value and the time in microseconds
 * (as Postgres stores it). Unlike fields joined by a separator, no two different rows encode alike.
 */
public final class AuditCanonicalJson {

  private AuditCanonicalJson() {}

  public static String of(AuditRecord r) {
    Map<String, Object> fields = new TreeMap<>();
    fields.put("action", r.action());
    fields.put("actor", r.actor());
    fields.put("at", r.at().truncatedTo(ChronoUnit.MICROS).toString());
    fields.put("correlationId", r.correlationId());
    fields.put("details", new TreeMap<>(r.details()));
    fields.put("hashVersion", String.valueOf(r.hashVersion()));
    fields.put("messageId", r.messageId().toString());
    fields.put("outcome", r.outcome());
    fields.put("previousHash", r.previousHash());
    fields.put("resource", r.resource());
    fields.put("service", r.service());
    StringBuilder json = new StringBuilder();
    object(fields, json);
    return json.toString();
  }

  private static void object(Map<String, ?> sorted, StringBuilder json) {
    json.append('{');
    boolean first = true;
    for (var entry : sorted.entrySet()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      string(entry.getKey(), json);
      json.append(':');
      value(entry.getValue(), json);
    }
    json.append('}');
  }

  @SuppressWarnings("unchecked")
  private static void value(Object value, StringBuilder json) {
    if (value == null) {
      json.append("null");
    } else if (value instanceof Map<?, ?> map) {
      object((Map<String, ?>) map, json);
    } else {
      string(value.toString(), json);
    }
  }

  private static void string(String text, StringBuilder json) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
