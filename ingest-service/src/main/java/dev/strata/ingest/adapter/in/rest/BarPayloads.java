package dev.strata.ingest.adapter.in.rest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.strata.kernel.messaging.FlexibleInstantDeserializer;
import dev.strata.kernel.messaging.contract.Bar;
import dev.strata.kernel.messaging.contract.UsageEvent;
import jakarta.ws.rs.BadRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads request bodies into rows: a JSON array or NDJSON (both one Jackson sequence), or CSV with
 * a header naming {@code ts|date|timestamp, open, high, low, close, volume} (other columns, such as
 * {@code adjclose}, are ignored). Gzip is undone by the HTTP layer (Content-Encoding).
 */
final class BarPayloads {

  private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

  private final ObjectReader bars;
  private final ObjectReader events;

  BarPayloads(ObjectMapper json) {
    this.bars = json.readerFor(Bar.class);
    this.events = json.readerFor(UsageEvent.class);
  }

  List<Bar> json(InputStream body) throws IOException {
    return sequence(bars, body);
  }

  List<UsageEvent> usage(InputStream body) throws IOException {
    return sequence(events, body);
  }

  private static <T> List<T> sequence(ObjectReader reader, InputStream body) throws IOException {
    List<T> rows = new ArrayList<>();
    try (MappingIterator<T> iterator = reader.readValues(body)) {
      while (iterator.hasNextValue()) {
        rows.add(iterator.nextValue());
      }
    }
    return rows;
  }

  List<Bar> csv(InputStream body) throws IOException {
    List<Bar> rows = new ArrayList<>();
    try (MappingIterator<String[]> lines = CSV.readerFor(String[].class).readValues(body)) {
      if (!lines.hasNextValue()) {
        return rows;
      }
      CsvColumns columns = CsvColumns.of(lines.nextValue());
      while (lines.hasNextValue()) {
        String[] line = lines.nextValue();
        if (line.length == 1 && line[0].isBlank()) {
          continue;
        }
        rows.add(columns.bar(line, rows.size() + 2));
      }
    }
    return rows;
  }

  /** Positions of the bar columns in a CSV header. */
  private record CsvColumns(int ts, int open, int high, int low, int close, int volume) {

    static CsvColumns of(String[] header) {
      List<String> names = new ArrayList<>();
      for (String name : header) {
        names.add(name.trim().toLowerCase(Locale.ROOT));
      }
      int ts = first(names, "ts", "timestamp", "date", "time");
      return new CsvColumns(ts, required(names, "open"), required(names, "high"), required(names, "low"),
          required(names, "close"), required(names, "volume"));
    }

    Bar bar(String[] line, int lineNumber) {
      try {
        String when = cell(line, ts);
        Instant instant = when == null ? null : FlexibleInstantDeserializer.parse(when);
        return new Bar(instant, number(line, open), number(line, high), number(line, low), number(line, close), number(line, volume));
      } catch (RuntimeException e) {
        throw new BadRequestException("CSV line " + lineNumber + " is malformed: " + e.getMessage());
      }
    }

    private static Double number(String[] line, int index) {
      String text = cell(line, index);
      return text == null ? null : Double.valueOf(text);
    }

    private static String cell(String[] line, int index) {
      if (index >= line.length || line[index].isBlank()) {
        return null;
      }
      return line[index].trim();
    }

    private static int first(List<String> names, String... candidates) {
      for (String candidate : candidates) {
        if (names.contains(candidate)) {
          return names.indexOf(candidate);
        }
      }
      throw new BadRequestException("CSV header needs a ts (or date/timestamp) column");
    }

    private static int required(List<String> names, String name) {
      int index = names.indexOf(name);
      if (index < 0) {
        throw new BadRequestException("CSV header needs a " + name + " column");
      }
      return index;
    }
  }
}
