package dev.strata.agent.adapter.out.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the third-party LLM provider (the one allowed stand-in): an OpenAI-compatible
 * {@code POST /v1/chat/completions} on a local port that answers {@code "answer <n>"} for its n-th
 * call, after an optional delay, unless a scripted failure is queued.
 */
public final class StubLlmServer implements QuarkusTestResourceLifecycleManager {

  /** A scripted non-200 answer. */
  public record Scripted(int status, String retryAfter) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger CALLS = new AtomicInteger();
  private static final Queue<Scripted> SCRIPT = new ConcurrentLinkedQueue<>();
  private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
  private static volatile long delayMillis;

  private HttpServer server;
  private ExecutorService workers;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot open the stub LLM port", e);
    }
    workers = Executors.newFixedThreadPool(16);
    server.setExecutor(workers);
    server.createContext("/v1/chat/completions", StubLlmServer::handle);
    server.start();
    return Map.of(
        "llm.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
        "llm.model", "stub-model",
        "llm.api-key", "sk-test-secret");
  }

  @Override
  public void stop() {
    server.stop(0);
    workers.shutdownNow();
  }

  public static void reset() {
    CALLS.set(0);
    SCRIPT.clear();
    AUTHORIZATIONS.clear();
    delayMillis = 0;
  }

  public static int calls() {
    return CALLS.get();
  }

  public static List<String> authorizations() {
    return List.copyOf(AUTHORIZATIONS);
  }

  public static void delay(long millis) {
    delayMillis = millis;
  }

  public static void script(Scripted... answers) {
    SCRIPT.addAll(List.of(answers));
  }

  private static void handle(HttpExchange exchange) throws IOException {
    int call = CALLS.incrementAndGet();
    AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    JsonNode request = JSON.readTree(exchange.getRequestBody());
    pause();
    Scripted scripted = SCRIPT.poll();
    if (scripted != null) {
      if (scripted.retryAfter() != null) {
        exchange.getResponseHeaders().add("Retry-After", scripted.retryAfter());
      }
      respond(exchange, scripted.status(), "{\"error\":{\"message\":\"scripted\",\"type\":\"test\"}}");
      return;
    }
    respond(exchange, 200, """
        {"id":"chatcmpl-%d","object":"chat.completion","created":1,"model":"%s",
         "choices":[{"index":0,"message":{"role":"assistant","content":"answer %d"},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7},"system_fingerprint":"fp"}"""
        .formatted(call, request.path("model").asText(), call));
  }

  private static void pause() {
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
