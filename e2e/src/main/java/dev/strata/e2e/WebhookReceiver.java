package dev.strata.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local webhook endpoint standing in for the team chat a retention review notifies. */
public final class WebhookReceiver implements AutoCloseable {

  private final String host;
  private final HttpServer server;
  private final List<String> received = new CopyOnWriteArrayList<>();

  public WebhookReceiver() {
    this("127.0.0.1");
  }

  /** Listening on {@code host} only, the address the notifying service reaches this machine at. */
  public WebhookReceiver(String host) {
    this.host = host;
    try {
      server = HttpServer.create(new InetSocketAddress(host, 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/hook", exchange -> {
      received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
  }

  public String url() {
    return "http://" + host + ":" + server.getAddress().getPort() + "/hook";
  }

  public List<String> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
