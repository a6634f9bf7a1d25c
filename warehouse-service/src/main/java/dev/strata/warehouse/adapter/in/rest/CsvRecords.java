package dev.strata.warehouse.adapter.in.rest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV records one at a time from a character stream: a field in double quotes may hold
 * commas, line breaks and doubled quotes ({@code ""} is one {@code "}); unquoted fields are trimmed.
 * Records end at {@code \n}, {@code \r\n} or {@code \r}. A field or a record longer than its bound is
 * malformed: a large body may be one endless line, and a record is held in memory whole.
 */
final class CsvRecords {

  private static final int END = -1;
  private static final int MAX_FIELD_LENGTH = 4096;
  private static final int MAX_FIELDS = 1024;

  private final Reader in;
  private final char[] buffer = new char[64 * 1024];
  private int position;
  private int limit;
  private int pending = -2;
  private int line = 1;
  private int recordLine;

  CsvRecords(Reader in) {
    this.in = in;
  }

  /** The next record's fields, or null at the end of the input. */
  List<String> next() {
    if (peek() == END) {
      return null;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    while (true) {
      fields.add(peek() == '"' ? quoted() : unquoted());
      if (fields.size() > MAX_FIELDS) {
        throw new IllegalArgumentException("a record has more than " + MAX_FIELDS + " fields");
      }
      int terminator = read();
      if (terminator != ',') {
        endOfLine(terminator);
        return fields;
      }
    }
  }

  /** The line the record last returned by {@link #next()} starts on, counting from 1. */
  int line() {
    return recordLine;
  }

  private String unquoted() {
    StringBuilder field = new StringBuilder();
    for (int c = peek(); c != ',' && c != '\n' && c != '\r' && c != END; c = peek()) {
      append(field, read());
    }
    return field.toString().strip();
  }

  private String quoted() {
    read();
    StringBuilder field = new StringBuilder();
    while (true) {
      int c = read();
      if (c == END) {
        throw new IllegalArgumentException("a quoted field is not closed");
      }
      if (c == '"' && peek() != '"') {
        break;
      }
      if (c == '"') {
        read();
      } else if (c == '\n') {
        line++;
      }
      append(field, c);
    }
    int after = peek();
    if (after != ',' && after != '\n' && after != '\r' && after != END) {
      throw new IllegalArgumentException("unexpected '" + (char) after + "' after a quoted field");
    }
    return field.toString();
  }

  private static void append(StringBuilder field, int c) {
    if (field.length() == MAX_FIELD_LENGTH) {
      throw new IllegalArgumentException("a field is longer than " + MAX_FIELD_LENGTH + " characters");
    }
    field.append((char) c);
  }

  private void endOfLine(int terminator) {
    if (terminator == '\r' && peek() == '\n') {
      read();
    }
    if (terminator != END) {
      line++;
    }
  }

  private int peek() {
    if (pending == -2) {
      pending = readChar();
    }
    return pending;
  }

  private int read() {
    int c = peek();
    pending = -2;
    return c;
  }

  private int readChar() {
    if (position == limit) {
      try {
        limit = in.read(buffer, 0, buffer.length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return END;
      }
    }
    return buffer[position++];
  }
}
