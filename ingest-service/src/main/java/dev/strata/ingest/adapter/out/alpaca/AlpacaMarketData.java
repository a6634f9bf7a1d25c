package dev.strata.ingest.adapter.out.alpaca;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.ingest.domain.pull.MarketData;
import dev.strata.kernel.error.DomainException;
import dev.strata.support.http.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Alpaca market-data v2 bars over HTTP: rate limited by a token bucket, retrying 429 and 5xx with
 * exponential backoff or the server's {@code Retry-After} (seconds or an HTTP-date), every response
 * archived with its request before it is parsed. Calls block (rate limit, backoff, the request), so they
 * complete on the executor this adapter is given.
 */
public final class AlpacaMarketData implements MarketData {

  private static final Logger LOG = Logger.getLogger(AlpacaMarketData.class);

  /** Where and how to call the provider. */
  public record Settings(URI baseUrl, String keyId, String secretKey, int requestsPerMinute, int maxAttempts,
      Duration firstBackoff, Duration maxBackoff) {

    /** Never the keys: a logged or printed Settings must not leak the provider credentials. */
    @Override
    public String toString() {
      return "Settings[baseUrl=" + baseUrl + ", keys=" + (keyId.isBlank() ? "none" : "***") + ", requestsPerMinute="
          + requestsPerMinute + ", maxAttempts=" + maxAttempts + ", firstBackoff=" + firstBackoff + ", maxBackoff=" + maxBackoff + "]";
    }
  }

  private final Settings settings;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final TokenBucket bucket;
  private final ResponseArchive archive;
  private final ObjectMapper json;
  private final Executor executor;

  public AlpacaMarketData(Settings settings, Path archiveRoot, ObjectMapper json, Executor executor) {
    this.executor = executor;
    this.settings = settings;
    this.bucket = TokenBucket.perMinute(settings.requestsPerMinute());
    this.archive = new ResponseArchive(archiveRoot, json);
    this.json = json;
  }

  /**
   * Parses an archived response again, without calling the provider: what a changed parser or a
   * lost landing is recovered from.
   */
  public static Page replay(Path archived, ObjectMapper json) {
    return AlpacaBars.parse(json, new ResponseArchive(archived.getParent(), json).read(archived).body());
  }

  @Override
  public CompletionStage<Page> bars(String symbol, String frame, Instant start, Instant end, String pageToken) {
    return CompletableFuture.supplyAsync(() -> page(symbol, frame, start, end, pageToken), executor);
  }

  private Page page(String symbol, String frame, Instant start, Instant end, String pageToken) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("timeframe", AlpacaBars.timeframe(frame));
    parameters.put("start", start.toString());
    parameters.put("end", end.toString());
    parameters.put("limit", "10000");
    parameters.put("adjustment", "raw");
    if (pageToken != null) {
      parameters.put("page_token", pageToken);
    }
    String url = settings.baseUrl() + "/v2/stocks/" + symbol + "/bars?" + query(parameters);
    ResponseArchive.Exchange exchange = call(symbol, url, parameters);
    return AlpacaBars.parse(json, exchange.body());
  }

  private ResponseArchive.Exchange call(String symbol, String url, Map<String, String> parameters) {
    for (int attempt = 1; ; attempt++) {
      ResponseArchive.Exchange exchange = send(url, parameters);
      archive.keep(symbol, exchange);
      int status = exchange.status();
      if (status == 200) {
        return exchange;
      }
      boolean retryable = status == 429 || status >= 500;
      if (!retryable || attempt >= settings.maxAttempts()) {
        throw failure(status, attempt);
      }
      pause(backoff(attempt, exchange));
    }
  }

  /** The caller's mistake (unknown symbol, bad range) is theirs; credentials and outages are ours. */
  private static RuntimeException failure(int status, int attempts) {
    if (status == 400 || status == 404 || status == 422) {
      return new DomainException.Invalid("the provider refused the request with HTTP " + status);
    }
    return new IllegalStateException("the provider answered HTTP " + status + " after " + attempts + " attempt(s)");
  }

  private ResponseArchive.Exchange send(String url, Map<String, String> parameters) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("APCA-API-KEY-ID", settings.keyId()).header("APCA-API-SECRET-KEY", settings.secretKey())
        .header("Accept", "application/json").GET().build();
    try {
      bucket.take();
      Instant sentAt = Instant.now();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new ResponseArchive.Exchange(new ResponseArchive.Request("GET", url, parameters, sentAt),
          response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), Instant.now(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException("the provider is unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the provider", e);
    }
  }

  private Duration backoff(int attempt, ResponseArchive.Exchange exchange) {
    Duration wait = delay(attempt, RetryAfter.of(exchange.retryAfter(), exchange.receivedAt()), settings.firstBackoff(), settings.maxBackoff());
    LOG.infof("provider answered %d; retrying in %s", exchange.status(), wait);
    return wait;
  }

  /**
   * The wait before attempt {@code attempt + 1}: the server's {@code Retry-After} when it gave one
   * that can be read (seconds or an HTTP-date), else {@code first} doubled per attempt; never more
   * than {@code max}.
   */
  static Duration delay(int attempt, Optional<Duration> retryAfter, Duration first, Duration max) {
    Duration wait = retryAfter.orElseGet(() -> first.multipliedBy(1L << Math.min(attempt - 1, 10)));
    return wait.compareTo(max) > 0 ? max : wait;
  }

  private static void pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off", e);
    }
  }

  private static String query(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
