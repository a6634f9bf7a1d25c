package dev.strata.e2e.chaos;

import dev.strata.e2e.PackagedServices.Service;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * A few hundred requests no client should send — malformed, oversized, of the wrong type or the wrong
 * media type, with hostile names, without a token or with a forged one — to the four services. Each is
 * done right when it is answered 4xx with {@code application/problem+json} (the inference protocol's
 * {@code /v2} routes: its own JSON error); a 5xx, no answer or a malformed answer is a miss.
 */
final class HostileHttp {

  private record Probe(Service service, String method, String path, String contentType, byte[] body) {}

  private static final List<String> CONTENT_TYPES = List.of("application/json", "text/csv", "application/x-ndjson",
      "application/xml", "text/plain", "application/octet-stream", "multipart/form-data; boundary=x");
  private static final List<String> BODIES = List.of("{", "[", "{\"a\":", "null", "42", "\"text\"", "[1,2,3]", "{\"limit\":\"many\"}",
      "{\"id\":{\"$gt\":\"\"}}", "\u0000\u0001\u0002", "ts,open\nnot-a-date,abc\n", "{\"steps\":[{\"id\":\"a\",\"kind\":\"nope\"}]}",
      "[{\"ts\":\"2024-01-01T00:00:00Z\",\"open\":\"x\"}]", "{\"messages\":\"hello\"}", "{\"customerIds\":123}",
      "{\"username\":[],\"password\":{}}", "{\"name\":\"" + "x".repeat(5000) + "\"}");
  private static final List<String[]> ENDPOINTS = List.of(
      new String[] {"INGEST", "POST", "/bars?symbol=AAA&frame=1m"}, new String[] {"INGEST", "POST", "/bars?symbol=../x&frame=1m"},
      new String[] {"INGEST", "POST", "/bars?symbol=AAA&frame=77q"}, new String[] {"INGEST", "POST", "/usage-events"},
      new String[] {"INGEST", "POST", "/pulls"}, new String[] {"INGEST", "GET", "/jobs/..%2F..%2Fetc"},
      new String[] {"INGEST", "GET", "/bars/%00?frame=1m"}, new String[] {"INGEST", "GET", "/bars/AAA?frame=1m&interval=7x&from=yesterday"},
      new String[] {"WAREHOUSE", "GET", "/customers/%D0%B0dmin"}, new String[] {"WAREHOUSE", "GET", "/customers?limit=abc"},
      new String[] {"WAREHOUSE", "GET", "/customers/sample?n=lots"}, new String[] {"WAREHOUSE", "PUT", "/customers/C1"},
      new String[] {"WAREHOUSE", "POST", "/customers/import"}, new String[] {"WAREHOUSE", "POST", "/queries/at-risk-customers"},
      new String[] {"WAREHOUSE", "POST", "/queries/..%2Fsecret"}, new String[] {"WAREHOUSE", "GET", "/charts/close?series=../x"},
      new String[] {"WAREHOUSE", "GET", "/ops/runs?limit=-1"}, new String[] {"WAREHOUSE", "GET", "/customer-features?limit=x"},
      new String[] {"SCORING", "POST", "/scores/customers"}, new String[] {"SCORING", "POST", "/v2/models/churn_model/infer"},
      new String[] {"SCORING", "GET", "/v2/models/..%2F..%2Fetc/ready"}, new String[] {"SCORING", "POST", "/models/nope/train"},
      new String[] {"SCORING", "PUT", "/models/churn_model/aliases/champion"}, new String[] {"SCORING", "GET", "/scores/jobs/not-an-id"},
      new String[] {"AGENT", "POST", "/agents"}, new String[] {"AGENT", "POST", "/workflows"},
      new String[] {"AGENT", "GET", "/executions?limit=abc&sort=;drop"}, new String[] {"AGENT", "GET", "/executions/not-a-uuid"},
      new String[] {"AGENT", "POST", "/auth/token"}, new String[] {"AGENT", "POST", "/llm/completions"},
      new String[] {"AGENT", "GET", "/audit?from=yesterday"}, new String[] {"AGENT", "POST", "/users"},
      new String[] {"AGENT", "POST", "/workflows/00000000-0000-0000-0000-000000000000/executions"});

  private HostileHttp() {}

  static Outcome run(Rig rig, int fuzzed) {
    List<Probe> probes = new ArrayList<>();
    for (String[] endpoint : ENDPOINTS) {
      Service service = Service.valueOf(endpoint[0]);
      boolean hasBody = !endpoint[1].equals("GET");
      if (hasBody) {
        for (String body : BODIES) {
          probes.add(new Probe(service, endpoint[1], endpoint[2], "application/json", body.getBytes()));
        }
        probes.add(new Probe(service, endpoint[1], endpoint[2], "application/json", new byte[5 * 1024 * 1024]));
      } else {
        probes.add(new Probe(service, endpoint[1], endpoint[2], null, null));
      }
    }
    Random random = new Random(25);
    for (int i = 0; i < fuzzed; i++) {
      String[] endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
      byte[] body = new byte[random.nextInt(2048)];
      random.nextBytes(body);
      probes.add(new Probe(Service.valueOf(endpoint[0]), endpoint[1].equals("GET") ? "POST" : endpoint[1], endpoint[2],
          CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())), body));
    }
    // an oversized body for each service's own limit (32M ingest; 4M warehouse; 1M agent JSON)
    probes.add(new Probe(Service.INGEST, "POST", "/bars?symbol=AAA&frame=1m", "text/csv", new byte[33 * 1024 * 1024]));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String admin = TestTokens.token(Roles.ADMIN);
    TreeMap<String, Integer> misses = new TreeMap<>();
    long sent = 0;
    long right = 0;
    long accepted = 0;
    for (Probe probe : probes) {
      for (String token : List.of(admin, "", "forged." + admin.substring(admin.indexOf('.') + 1))) {
        // the bad-token variants only for every fourth probe: enough to cover each endpoint's security path
        if (!token.equals(admin) && sent % 4 != 0) {
          continue;
        }
        sent++;
        String verdict = send(http, probe, token);
        if (verdict == null) {
          right++;
        } else if (verdict.startsWith("accepted")) {
          // not every odd request is a mistake (a query's body of null means its defaults): not a miss
          right++;
          accepted++;
        } else {
          misses.merge(verdict, 1, Integer::sum);
        }
      }
    }
    Instant end = Instant.now();
    Duration recovery = Recovery.await(end, Duration.ofMinutes(1), rig::allReady);
    return new Outcome("hostile HTTP (malformed, oversized, wrong type, bad names, bad tokens)", sent, right, sent - right, 0,
        recovery, (accepted > 0 ? accepted + " answered 2xx (harmless); " : "")
        + (misses.isEmpty() ? "every other answer 4xx problem+json" : "misses: " + misses), null);
  }

  /** Null when the probe was answered as a client mistake should be; else what was wrong. */
  private static String send(HttpClient http, Probe probe, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + probe.service().port + probe.path()))
        .timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
        .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
    if (probe.contentType() != null) {
      request.header("Content-Type", probe.contentType());
    }
    if (!token.isEmpty()) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (status >= 500) {
        return probe.service().module + " " + probe.method() + " " + probe.path() + " → " + status;
      }
      if (status < 400) {
        return "accepted " + probe.service().module + " " + probe.method() + " " + probe.path();
      }
      if (probe.path().startsWith("/v2/") && type.startsWith("application/json")) {
        return null; // the Open Inference Protocol's own error body, {"error": "..."}, as scoring's README says
      }
      return type.startsWith("application/problem+json") ? null
          : probe.service().module + " " + probe.method() + " " + probe.path() + " → " + status + " " + type + ", not problem+json";
    } catch (IOException e) {
      return probe.service().module + " " + probe.method() + " " + probe.path() + " no answer (" + e + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
