package dev.strata.agent.adapter.out.http;

import dev.strata.agent.domain.egress.EgressPolicy;
import dev.strata.agent.domain.egress.EgressRefused;
import dev.strata.agent.domain.workflow.HttpStepUrl;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Calls out to a URL a user or producer chose, under the {@link EgressPolicy}. Each hop resolves
 * the host itself, checks every address, and connects to the checked address
 * ({@link RequestOptions#setServer}) while the request keeps the name for its {@code Host} header,
 * TLS SNI and certificate check — so a name that resolves differently on a second lookup (DNS
 * rebinding) cannot move the connection. Redirects are followed here, a bounded number of times,
 * each hop checked again. The answer's body is read up to a limit, the whole exchange bounded in
 * time; an error answer is reported by its status alone, never its body.
 */
public class GuardedHttp {

  /** What to send. */
  public record Call(String method, URI url, Map<String, String> headers, String body) {}

  /** A 2xx answer (or any status when the caller asked for all). */
  public record Answer(int status, String body) {}

  /** The endpoint answered with a status outside 2xx; the message holds the status and its standard reason only. */
  public static final class ErrorStatus extends RuntimeException {
    private final int status;

    ErrorStatus(String method, URI url, int status) {
      super(method + " " + url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath() + " answered " + status + " "
          + HttpResponseStatus.valueOf(status).reasonPhrase(), null, false, false);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** Looks a host up; a seam so a test can answer for names DNS does not know. */
  @FunctionalInterface
  public interface Resolver {
    List<InetAddress> resolve(String host) throws Exception;
  }

  /** Limits of one call. */
  public record Limits(long maxResponseBytes, int maxRedirects, Duration timeout) {}

  private final Vertx vertx;
  private final HttpClient client;
  private final EgressPolicy policy;
  private final Resolver resolver;
  private final Limits limits;
  private final Consumer<EgressRefused> refusals;

  public GuardedHttp(Vertx vertx, HttpClient client, EgressPolicy policy, Resolver resolver, Limits limits, Consumer<EgressRefused> refusals) {
    this.vertx = vertx;
    this.client = client;
    this.policy = policy;
    this.resolver = resolver;
    this.limits = limits;
    this.refusals = refusals;
  }

  /** The system resolver, every address of the name. */
  public static List<InetAddress> systemResolve(String host) throws Exception {
    return Arrays.asList(InetAddress.getAllByName(host));
  }

  /** Completes with the final 2xx answer, or fails: {@link EgressRefused}, {@link ErrorStatus}, too large, timed out, I/O. */
  public CompletionStage<Answer> send(Call call) {
    Promise<Answer> result = Promise.promise();
    long timer = vertx.setTimer(limits.timeout().toMillis(),
        id -> result.tryFail(new IllegalStateException("no answer within " + limits.timeout().toMillis() + " ms")));
    hop(call, 0, result).onComplete(done -> {
      vertx.cancelTimer(timer);
      if (done.succeeded()) {
        result.tryComplete(done.result());
      } else {
        if (done.cause() instanceof EgressRefused refused) {
          refusals.accept(refused);
        }
        result.tryFail(done.cause());
      }
    });
    return result.future().toCompletionStage();
  }

  private Future<Answer> hop(Call call, int redirects, Promise<Answer> overall) {
    URI url = HttpStepUrl.require(call.url().toString());
    boolean tls = url.getScheme().equalsIgnoreCase("https");
    int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
    String host = url.getHost();
    return vertx.<List<InetAddress>>executeBlocking(() -> resolver.resolve(host), false).compose(addresses -> {
      policy.require(host, port, addresses);
      InetAddress checked = addresses.getFirst();
      RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(call.method())).setSsl(tls)
          .setHost(host.startsWith("[") ? host.substring(1, host.length() - 1) : host).setPort(port)
          .setURI(pathAndQuery(url)).setServer(SocketAddress.inetSocketAddress(port, checked.getHostAddress()))
          .setFollowRedirects(false);
      call.headers().forEach(options::putHeader);
      return client.request(options).compose(request -> exchange(request, call, overall));
    }).compose(response -> {
      String location = response.location;
      if (location != null && isRedirect(response.status)) {
        if (redirects >= limits.maxRedirects()) {
          return Future.failedFuture(new IllegalStateException("more than " + limits.maxRedirects() + " redirects"));
        }
        return hop(redirected(call, url.resolve(location), response.status), redirects + 1, overall);
      }
      if (response.status / 100 != 2) {
        return Future.failedFuture(new ErrorStatus(call.method(), url, response.status));
      }
      return Future.succeededFuture(new Answer(response.status, response.body.toString()));
    });
  }

  private record Received(int status, String location, Buffer body) {}

  private Future<Received> exchange(HttpClientRequest request, Call call, Promise<Answer> overall) {
    overall.future().onFailure(timedOut -> request.reset());
    Future<HttpClientResponse> sent = call.body() == null || call.body().isEmpty() ? request.send() : request.send(call.body());
    return sent.compose(response -> bounded(request, response));
  }

  private Future<Received> bounded(HttpClientRequest request, HttpClientResponse response) {
    Promise<Received> received = Promise.promise();
    Buffer body = Buffer.buffer();
    String declared = response.getHeader("Content-Length");
    if (declared != null && declared.matches("[0-9]{1,18}") && Long.parseLong(declared) > limits.maxResponseBytes()) {
      request.reset();
      return Future.failedFuture(tooLarge());
    }
    response.handler(chunk -> {
      if (body.length() + chunk.length() > limits.maxResponseBytes()) {
        received.tryFail(tooLarge());
        request.reset();
      } else {
        body.appendBuffer(chunk);
      }
    });
    response.exceptionHandler(received::tryFail);
    response.endHandler(end -> received.tryComplete(new Received(response.statusCode(), response.getHeader("Location"), body)));
    return received.future();
  }

  private IllegalStateException tooLarge() {
    return new IllegalStateException("response larger than " + limits.maxResponseBytes() + " bytes");
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** 307/308 repeat the request; the others turn a POST (or any non-HEAD) into a body-less GET, as browsers do. */
  private static Call redirected(Call call, URI target, int status) {
    if (status == 307 || status == 308 || call.method().equals("GET") || call.method().equals("HEAD")) {
      return new Call(call.method(), target, call.headers(), call.body());
    }
    return new Call("GET", target, Map.of(), null);
  }

  private static String pathAndQuery(URI url) {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
  }
}
