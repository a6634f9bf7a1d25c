package dev.strata.ingest.adapter.in.payload;

import com.fasterxml.jackson.core.io.NumberInput;
import dev.strata.kernel.messaging.FlexibleInstantDeserializer;
import dev.strata.kernel.messaging.contract.Bar;
import jakarta.ws.rs.BadRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads CSV bars straight from the request bytes: a header naming {@code ts|timestamp|date|time,
 * open, high, low, close, volume} (other columns, such as {@code adjclose}, are skipped), then one
 * bar per line. Cells are scanned in place and numbers parsed from the scanned characters, without
 * a String per line or cell (data-binding each line into a {@code String[]} cost as much as the rest
 * of the request). Cells are trimmed; an empty or missing cell is null (the validation policies
 * report it); blank lines are skipped; RFC 4180 quoting ({@code "a,b"}, {@code ""}) is understood.
 * A header without the bar columns or a cell that is not a number/timestamp is a 400.
 */
public final class CsvBars {

  private final CsvCells cells;
  private Columns columns;

  private CsvBars(InputStream body) {
    this.cells = new CsvCells(body);
  }

  public static List<Bar> read(InputStream body) throws IOException {
    return new CsvBars(body).read();
  }

  private List<Bar> read() throws IOException {
    List<Bar> bars = new ArrayList<>();
    if (!header()) {
      return bars;
    }
    while (cells.nextLine()) {
      if (cells.blankLine()) {
        continue;
      }
      bars.add(bar());
    }
    return bars;
  }

  private boolean header() throws IOException {
    while (cells.nextLine()) {
      if (!cells.blankLine()) {
        List<String> names = new ArrayList<>();
        do {
          names.add(cells.text().toLowerCase(Locale.ROOT));
        } while (cells.nextCell());
        columns = Columns.of(names);
        return true;
      }
    }
    return false;
  }

  private Bar bar() throws IOException {
    Instant ts = null;
    Double open = null;
    Double high = null;
    Double low = null;
    Double close = null;
    Double volume = null;
    int line = cells.lineNumber();
    int column = 0;
    try {
      do {
        if (!cells.empty()) {
          if (column == columns.ts()) {
            ts = instant();
          } else if (column == columns.open()) {
            open = number();
          } else if (column == columns.high()) {
            high = number();
          } else if (column == columns.low()) {
            low = number();
          } else if (column == columns.close()) {
            close = number();
          } else if (column == columns.volume()) {
            volume = number();
          }
        }
        column++;
      } while (cells.nextCell());
    } catch (RuntimeException e) {
      throw new BadRequestException("CSV line " + line + " is malformed: " + e.getMessage());
    }
    return new Bar(ts, open, high, low, close, volume);
  }

  private Instant instant() {
    // epoch nanoseconds, the common machine form, without a String; anything else through the shared parser
    if (cells.digitsOnly()) {
      long nanos = 0;
      char[] chars = cells.chars();
      for (int i = cells.start(), end = i + cells.length(); i < end; i++) {
        nanos = Math.addExact(Math.multiplyExact(nanos, 10), chars[i] - '0');
      }
      return JsonBars.fromEpochNanos(nanos);
    }
    return FlexibleInstantDeserializer.parse(cells.text());
  }

  private double number() {
    return NumberInput.parseDouble(cells.chars(), cells.start(), cells.length(), true);
  }

  /** Positions of the bar columns in the header. */
  private record Columns(int ts, int open, int high, int low, int close, int volume) {

    static Columns of(List<String> names) {
      int ts = first(names, "ts", "timestamp", "date", "time");
      return new Columns(ts, required(names, "open"), required(names, "high"), required(names, "low"),
          required(names, "close"), required(names, "volume"));
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
