package dev.strata.ingest.adapter;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local stand-in for Alpaca market-data v2 {@code /v2/stocks/{symbol}/bars}, serving the real
 * 2013 Apple daily bars in pages of 10, stamped at 05:00 UTC as Alpaca stamps daily bars. Its first
 * answer is a 429 with {@code Retry-After: 1}, as a rate-limited provider would give. Statuses put in
 * {@link #SERVER_ERRORS} (e.g. 503, 500, 502) are answered first, one per request, in their order, as
 * a provider having an outage would.
 */
public class StandInAlpaca implements QuarkusTestResourceLifecycleManager {

  static final List<URI> REQUESTS = new CopyOnWriteArrayList<>();
  static final AtomicBoolean THROTTLE_NEXT = new AtomicBoolean(true);
  static final Queue<Integer> SERVER_ERRORS = new ConcurrentLinkedQueue<>();
  private static final int PAGE = 10;
  private HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/v2/stocks/", exchange -> {
      REQUESTS.add(exchange.getRequestURI());
      byte[] body;
      int status = 200;
      if (!"test-key".equals(exchange.getRequestHeaders().getFirst("APCA-API-KEY-ID"))) {
        status = 403;
        body = "{\"message\":\"forbidden\"}".getBytes(StandardCharsets.UTF_8);
      } else if (exchange.getRequestURI().getPath().contains("/NOSUCH/")) {
        status = 422;
        body = "{\"message\":\"invalid symbol\"}".getBytes(StandardCharsets.UTF_8);
      } else if (!SERVER_ERRORS.isEmpty()) {
        status = SERVER_ERRORS.remove();
        body = "{\"message\":\"internal server error\"}".getBytes(StandardCharsets.UTF_8);
      } else if (THROTTLE_NEXT.getAndSet(false)) {
        status = 429;
        exchange.getResponseHeaders().add("Retry-After", "1");
        body = "{\"message\":\"too many requests\"}".getBytes(StandardCharsets.UTF_8);
      } else {
        body = page(exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return Map.of("ingest.alpaca.base-url", "http://127.0.0.1:" + server.getAddress().getPort(),
        "ingest.alpaca.key-id", "test-key", "ingest.alpaca.secret-key", "test-secret");
  }

  private static String page(URI uri) {
    Map<String, String> query = new HashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] parts = pair.split("=", 2);
      query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
    }
    Instant start = Instant.parse(query.get("start"));
    Instant end = Instant.parse(query.get("end"));
    List<String> bars = new ArrayList<>();
    for (String line : TestData.resource("aapl-daily-2013-q1.csv").lines().skip(1).toList()) {
      String[] cells = line.split(",");
      Instant t = Instant.parse(cells[0] + "T05:00:00Z");
      if (!t.isBefore(start) && t.isBefore(end)) {
        bars.add("{\"t\":\"%s\",\"o\":%s,\"h\":%s,\"l\":%s,\"c\":%s,\"v\":%s,\"n\":1,\"vw\":1}"
            .formatted(t, cells[1], cells[2], cells[3], cells[4], cells[5]));
      }
    }
    int from = query.containsKey("page_token") ? Integer.parseInt(query.get("page_token")) : 0;
    int to = Math.min(bars.size(), from + PAGE);
    String next = to < bars.size() ? "\"" + to + "\"" : "null";
    return "{\"bars\":[" + String.join(",", bars.subList(from, to)) + "],\"symbol\":\"AAPL\",\"next_page_token\":" + next + "}";
  }

  @Override
  public void stop() {
    server.stop(0);
  }
}
