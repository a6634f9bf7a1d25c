package dev.strata.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP endpoint standing in for a third-party webhook (a team chat, an HTTP step's
 * target): records each call as it arrives, answers a status per path (200 and a small JSON body
 * unless told otherwise), and can answer a path late or never (until closed).
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One request it received; header names in lower case. */
  public record Call(String method, String path, String body, Map<String, String> headers) {}

  private final String host;
  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
  private final Map<String, Long> delaysMillis = new ConcurrentHashMap<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  // a late or silent answer must not hold up calls to other paths
  private final ExecutorService handlers = Executors.newCachedThreadPool();

  /** Listening on 127.0.0.1. */
  public WebhookReceiver() {
    this("127.0.0.1");
  }

  /** Listening on {@code host} only, the address the calling service reaches this machine at. */
  public WebhookReceiver(String host) {
    this.host = host;
    try {
      server = HttpServer.create(new InetSocketAddress(host, 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      Map<String, String> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
      calls.add(new Call(exchange.getRequestMethod(), path, body, Map.copyOf(headers)));
      if (waitBeforeAnswering(path)) {
        exchange.close();
        return;
      }
      byte[] answer = ("{\"echo\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(statuses.getOrDefault(path, 200), answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.setExecutor(handlers);
    server.start();
  }

  /** True when the receiver closed while the path's answer was still held back. */
  private boolean waitBeforeAnswering(String path) {
    long delay = delaysMillis.getOrDefault(path, 0L);
    try {
      return delay > 0 && closed.await(delay, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** Answers {@code path} only after {@code delay}. */
  public void answerAfter(String path, Duration delay) {
    delaysMillis.put(path, delay.toMillis());
  }

  /** Never answers {@code path}: the connection stays open until the receiver closes. */
  public void neverAnswer(String path) {
    delaysMillis.put(path, Long.MAX_VALUE / 2);
  }

  /** Answers {@code path} with {@code status}. */
  public void answer(String path, int status) {
    statuses.put(path, status);
  }

  public String url(String path) {
    return "http://" + host + ":" + server.getAddress().getPort() + path;
  }

  /** The calls to {@code path} so far, in the order they arrived. */
  public List<Call> calls(String path) {
    return calls.stream().filter(call -> call.path().equals(path)).toList();
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }
}
