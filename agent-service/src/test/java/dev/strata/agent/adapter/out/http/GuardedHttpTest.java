package dev.strata.agent.adapter.out.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.strata.agent.domain.egress.EgressPolicy;
import dev.strata.agent.domain.egress.EgressRefused;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The egress guard against real local HTTP servers, under a policy that does NOT allow loopback
 * except where a test says so: what an SSRF attempt would reach is never called.
 */
class GuardedHttpTest {

  private Vertx vertx;
  private HttpServer target;
  private final List<String> reached = new CopyOnWriteArrayList<>();
  private final List<EgressRefused> audited = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    target = server("secret");
  }

  @AfterEach
  void stop() throws Exception {
    target.stop(0);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aLoopbackAddressIsRefusedWithoutConnecting() {
    assertRefused(guard(EgressPolicy.publicOnly()), url(target, "/admin"), "egress refused: 127.0.0.1 is loopback");
    assertThat(reached).isEmpty();
    assertThat(audited).singleElement().satisfies(refusal -> assertThat(refusal.host()).isEqualTo("127.0.0.1"));
  }

  @Test
  void theCloudMetadataAddressIsRefused() {
    assertRefused(guard(EgressPolicy.publicOnly()), "http://169.254.169.254/latest/meta-data/", "egress refused: 169.254.169.254 is link-local");
  }

  @Test
  void aNameThatResolvesToLoopbackIsRefused() {
    String viaName = "http://localhost:" + target.getAddress().getPort() + "/admin";
    assertRefused(guard(EgressPolicy.publicOnly()), viaName, "egress refused: localhost (127.0.0.1) is loopback");
    assertThat(reached).isEmpty();
  }

  @Test
  void anIpv4MappedLoopbackAddressIsRefused() {
    assertRefused(guard(EgressPolicy.publicOnly()), "http://[::ffff:127.0.0.1]:" + target.getAddress().getPort() + "/", "is loopback");
    assertThat(reached).isEmpty();
  }

  @Test
  void aRedirectFromAnAllowedServerToADeniedAddressIsNotFollowed() throws Exception {
    HttpServer redirector = server(null);
    redirector.createContext("/go", exchange -> {
      reached.add("/go");
      exchange.getResponseHeaders().add("Location", url(target, "/admin"));
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    try {
      var onlyTheRedirector = EgressPolicy.allowing(List.of("127.0.0.1:" + redirector.getAddress().getPort()));
      assertRefused(guard(onlyTheRedirector), url(redirector, "/go"), "egress refused: 127.0.0.1 is loopback");
      assertThat(reached).containsExactly("/go");
    } finally {
      redirector.stop(0);
    }
  }

  @Test
  void theConnectionGoesToTheAddressThatWasChecked() throws Exception {
    // a name no DNS knows: only the checked address can have been connected to, and the request still names the host
    GuardedHttp.Resolver resolver = host -> host.equals("pinned.invalid") ? List.of(InetAddress.getByName("127.0.0.1")) : List.of();
    var guard = new GuardedHttp(vertx, vertx.createHttpClient(new HttpClientOptions()), EgressPolicy.allowing(List.of("127.0.0.1/32")),
        resolver, new GuardedHttp.Limits(1 << 20, 5, Duration.ofSeconds(5)), audited::add);
    var answer = guard.send(get("http://pinned.invalid:" + target.getAddress().getPort() + "/hello")).toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(answer.body()).isEqualTo("secret");
    assertThat(hosts).containsExactly("pinned.invalid:" + target.getAddress().getPort());
  }

  @Test
  void anAnswerOverTheLimitFailsTheCall() throws Exception {
    target.createContext("/big", exchange -> {
      byte[] chunk = new byte[64 * 1024];
      exchange.sendResponseHeaders(200, 0);
      for (int i = 0; i < 32; i++) {
        exchange.getResponseBody().write(chunk);
      }
      exchange.close();
    });
    var guard = guard(EgressPolicy.allowing(List.of("127.0.0.1/32")));
    assertThatThrownBy(() -> guard.send(get(url(target, "/big"))).toCompletableFuture().get(10, TimeUnit.SECONDS))
        .hasRootCauseMessage("response larger than 1048576 bytes");
  }

  @Test
  void anErrorAnswerIsReportedByItsStatusNotItsBody() throws Exception {
    target.createContext("/fail", exchange -> {
      byte[] body = "internal token=hunter2".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(500, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    var guard = guard(EgressPolicy.allowing(List.of("127.0.0.1/32")));
    assertThatThrownBy(() -> guard.send(get(url(target, "/fail"))).toCompletableFuture().get(10, TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(GuardedHttp.ErrorStatus.class)
        .satisfies(e -> assertThat(e.getCause().getMessage()).endsWith("/fail answered 500 Internal Server Error").doesNotContain("hunter2"));
  }

  private final List<String> hosts = new CopyOnWriteArrayList<>();

  private HttpServer server(String answer) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    if (answer != null) {
      server.createContext("/", exchange -> {
        reached.add(exchange.getRequestURI().getPath());
        hosts.add(exchange.getRequestHeaders().getFirst("Host"));
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
    } else {
      server.createContext("/", exchange -> {
        reached.add(exchange.getRequestURI().getPath());
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
      });
    }
    server.start();
    return server;
  }

  private GuardedHttp guard(EgressPolicy policy) {
    return new GuardedHttp(vertx, vertx.createHttpClient(new HttpClientOptions()), policy, GuardedHttp::systemResolve,
        new GuardedHttp.Limits(1 << 20, 5, Duration.ofSeconds(5)), audited::add);
  }

  private void assertRefused(GuardedHttp guard, String url, String message) {
    assertThatThrownBy(() -> guard.send(get(url)).toCompletableFuture().get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(EgressRefused.class)
        .satisfies(e -> assertThat(e.getCause().getMessage()).contains(message));
  }

  private static GuardedHttp.Call get(String url) {
    return new GuardedHttp.Call("GET", URI.create(url), Map.of(), null);
  }

  private static String url(HttpServer server, String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }
}
