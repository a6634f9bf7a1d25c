package dev.strata.agent.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local HTTP endpoint standing in for a third-party webhook: records calls, answers a status per path. */
public final class WebhookReceiver implements AutoCloseable {

  /** One request it received. */
  public record Call(String method, String path, String body) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> statuses = new ConcurrentHashMap<>();

  public WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      calls.add(new Call(exchange.getRequestMethod(), path, body));
      byte[] answer = ("{\"echo\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(statuses.getOrDefault(path, 200), answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public void answer(String path, int status) {
    statuses.put(path, status);
  }

  public List<Call> calls(String path) {
    return calls.stream().filter(call -> call.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
