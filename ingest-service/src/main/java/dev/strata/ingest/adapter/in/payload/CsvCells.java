package dev.strata.ingest.adapter.in.payload;

import java.io.IOException;
import java.io.InputStream;

/**
 * A forward-only scanner of CSV cells over a byte stream: the current cell's characters stay in a
 * reused buffer (trimmed bounds {@link #start()}, {@link #length()}), so reading a line allocates
 * nothing. Bytes are taken one to one as characters: the cells that are read (numbers, timestamps,
 * header names) are ASCII, and a stray non-ASCII byte in one of them still fails to parse. Lines end
 * at {@code \n}; a {@code \r} before it is trimmed away with the cell's other surrounding whitespace.
 */
final class CsvCells {

  private static final int COMMA = 0;
  private static final int END_OF_LINE = 1;
  private static final int END_OF_INPUT = 2;

  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private boolean started;

  private char[] cell = new char[64];
  private int length;
  private int trimmedStart;
  private int trimmedEnd;
  private int terminator = END_OF_LINE;
  private boolean firstOfLine;
  /** Newlines consumed so far, counting those inside quoted cells, for error messages. */
  private int newlines;
  private int lineNumber;

  CsvCells(InputStream in) {
    this.in = in;
  }

  /** Moves to the first cell of the next line (skipping what is left of this one); false at the end. */
  boolean nextLine() throws IOException {
    while (terminator == COMMA) {
      readCell();
    }
    if (terminator == END_OF_INPUT || peek() < 0) {
      terminator = END_OF_INPUT;
      return false;
    }
    lineNumber = newlines + 1;
    readCell();
    firstOfLine = true;
    return true;
  }

  /** Moves to the next cell of this line; false when the line has no more cells. */
  boolean nextCell() throws IOException {
    if (terminator != COMMA) {
      return false;
    }
    readCell();
    firstOfLine = false;
    return true;
  }

  /** The line has a single cell and it is empty (or only whitespace). */
  boolean blankLine() {
    return firstOfLine && terminator != COMMA && empty();
  }

  boolean empty() {
    return trimmedEnd == trimmedStart;
  }

  boolean digitsOnly() {
    if (empty()) {
      return false;
    }
    for (int i = trimmedStart; i < trimmedEnd; i++) {
      if (cell[i] < '0' || cell[i] > '9') {
        return false;
      }
    }
    return true;
  }

  char[] chars() {
    return cell;
  }

  int start() {
    return trimmedStart;
  }

  int length() {
    return trimmedEnd - trimmedStart;
  }

  String text() {
    return new String(cell, trimmedStart, trimmedEnd - trimmedStart);
  }

  /** The 1-based line the current row starts on (the header is line 1). */
  int lineNumber() {
    return lineNumber;
  }

  private void readCell() throws IOException {
    length = 0;
    boolean content = false;
    while (true) {
      int b = read();
      if (b < 0) {
        terminator = END_OF_INPUT;
        break;
      }
      if (b == ',') {
        terminator = COMMA;
        break;
      }
      if (b == '\n') {
        newlines++;
        terminator = END_OF_LINE;
        break;
      }
      if (b == '"' && !content) {
        length = 0;
        readQuoted();
        content = true;
        continue;
      }
      if (b > ' ') {
        content = true;
      }
      append(b);
    }
    trim();
  }

  /** The rest of a quoted cell, up to its closing quote; {@code ""} is a quote, separators are content. */
  private void readQuoted() throws IOException {
    while (true) {
      int b = read();
      if (b < 0) {
        return;
      }
      if (b == '"') {
        if (peek() != '"') {
          return;
        }
        read();
      } else if (b == '\n') {
        newlines++;
      }
      append(b);
    }
  }

  private void trim() {
    int start = 0;
    int end = length;
    while (start < end && cell[start] <= ' ') {
      start++;
    }
    while (end > start && cell[end - 1] <= ' ') {
      end--;
    }
    trimmedStart = start;
    trimmedEnd = end;
  }

  private void append(int b) {
    if (length == cell.length) {
      cell = java.util.Arrays.copyOf(cell, length * 2);
    }
    cell[length++] = (char) b;
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xFF;
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position] & 0xFF;
  }

  private boolean fill() throws IOException {
    int read = in.readNBytes(buffer, 0, buffer.length);
    position = 0;
    limit = Math.max(read, 0);
    if (!started) {
      started = true;
      skipByteOrderMark();
    }
    return position < limit;
  }

  /** Spreadsheet exports often start with a UTF-8 byte order mark; it is not part of the first name. */
  private void skipByteOrderMark() {
    if (limit >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
      position = 3;
    }
  }
}
