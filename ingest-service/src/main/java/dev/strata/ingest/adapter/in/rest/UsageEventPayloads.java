package dev.strata.ingest.adapter.in.rest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.strata.kernel.messaging.contract.UsageEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a usage-event request body, a JSON array or NDJSON (both one Jackson sequence), by
 * data-binding: events carry free-form attributes and arrive in far smaller batches than bars,
 * whose bodies are read by the streaming readers of {@code adapter.in.payload}. Gzip is undone by
 * the HTTP layer (Content-Encoding).
 */
final class UsageEventPayloads {

  private final ObjectReader events;

  UsageEventPayloads(ObjectMapper json) {
    this.events = json.readerFor(UsageEvent.class);
  }

  List<UsageEvent> read(InputStream body) throws IOException {
    List<UsageEvent> rows = new ArrayList<>();
    try (MappingIterator<UsageEvent> iterator = events.readValues(body)) {
      while (iterator.hasNextValue()) {
        rows.add(iterator.nextValue());
      }
    }
    return rows;
  }
}
