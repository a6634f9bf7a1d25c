package dev.strata.e2e.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The third parties a workflow talks to, stood in by one local HTTP server: a slow API for {@code http}
 * steps ({@code /slow?key=}, counted per key), the webhook of {@code notify} steps ({@code /hook}: per
 * execution id, the distinct {@code webhook-id}s it received and how many posts repeated one) and an
 * OpenAI-compatible LLM ({@code /v1/chat/completions}).
 */
final class LocalEndpoints implements AutoCloseable {

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final Map<String, AtomicLong> slowCalls = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> deliveries = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> repeats = new ConcurrentHashMap<>();
  private final AtomicLong llmCalls = new AtomicLong();
  private volatile long slowMillis = 200;

  LocalEndpoints() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/slow", this::slow);
    server.createContext("/hook", this::hook);
    server.createContext("/v1/chat/completions", this::completion);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void slowMillis(long millis) {
    slowMillis = millis;
  }

  /** Webhook deliveries of an execution, told apart by their {@code webhook-id}, as a receiver de-duplicates them. */
  long deliveries(String executionId) {
    Set<String> ids = deliveries.get(executionId);
    return ids == null ? 0 : ids.size();
  }

  /** Posts to the webhook that repeated a {@code webhook-id} already received (at-least-once delivery). */
  long repeatedDeliveries(String executionId) {
    AtomicLong count = repeats.get(executionId);
    return count == null ? 0 : count.get();
  }

  long slowCalls(String key) {
    AtomicLong count = slowCalls.get(key);
    return count == null ? 0 : count.get();
  }

  long llmCalls() {
    return llmCalls.get();
  }

  private void slow(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    String query = exchange.getRequestURI().getRawQuery();
    String key = query != null && query.startsWith("key=") ? URLDecoder.decode(query.substring(4), StandardCharsets.UTF_8) : "";
    slowCalls.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    Faults.sleep(java.time.Duration.ofMillis(slowMillis));
    answer(exchange, 200, "{\"ok\":true}");
  }

  private void hook(HttpExchange exchange) throws IOException {
    JsonNode notification = json.readTree(exchange.getRequestBody().readAllBytes());
    String executionId = notification.path("executionId").asText();
    String webhookId = String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id"));
    if (!deliveries.computeIfAbsent(executionId, k -> ConcurrentHashMap.newKeySet()).add(webhookId)) {
      repeats.computeIfAbsent(executionId, k -> new AtomicLong()).incrementAndGet();
    }
    exchange.sendResponseHeaders(204, -1);
    exchange.close();
  }

  private void completion(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    llmCalls.incrementAndGet();
    answer(exchange, 200, """
        {"id":"chatcmpl-chaos","object":"chat.completion","created":0,"model":"stand-in",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Keep them: offer a discount."},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":12,"completion_tokens":6,"total_tokens":18}}""");
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
