package dev.strata.ingest.adapter.out.alpaca;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

/**
 * The bronze archive of raw provider responses: each response is written, before it is parsed, as
 * one append-only JSON file holding its request (URL, parameters, time) and its status and body,
 * so a parse can be replayed without calling the provider again. Request and response land in one
 * atomic rename: a response is never on disk without its request.
 */
final class ResponseArchive {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC);

  private final Path root;
  private final ObjectMapper json;

  ResponseArchive(Path root, ObjectMapper json) {
    this.root = root;
    this.json = json;
  }

  /** One archived exchange. */
  record Exchange(Request request, int status, String retryAfter, Instant receivedAt, String body) {}

  record Request(String method, String url, Map<String, String> parameters, Instant sentAt) {}

  Path keep(String symbol, Exchange exchange) {
    Path folder = root.resolve("source=alpaca").resolve("symbol=" + symbol);
    Path file = folder.resolve(STAMP.format(exchange.receivedAt()) + "-" + UUID.randomUUID() + ".json");
    try {
      Files.createDirectories(folder);
      Path temp = folder.resolve(".tmp-" + file.getFileName() + ".partial");
      json.writeValue(temp.toFile(), exchange);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot archive a provider response under " + folder, e);
    }
  }

  Exchange read(Path file) {
    try {
      return json.readValue(file.toFile(), Exchange.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read archived response " + file, e);
    }
  }
}
