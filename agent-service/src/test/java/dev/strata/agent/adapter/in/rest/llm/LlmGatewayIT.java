package dev.strata.agent.adapter.in.rest.llm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.agent.adapter.out.openai.StubLlmServer;
import dev.strata.agent.application.llm.ChatAnswer;
import dev.strata.agent.application.llm.ClusterLookups;
import dev.strata.agent.application.llm.CompleteChat;
import dev.strata.agent.application.llm.FlightLocks;
import dev.strata.agent.application.llm.GatewayMetrics;
import dev.strata.agent.application.llm.LlmCache;
import dev.strata.agent.application.llm.LlmProvider;
import dev.strata.agent.application.llm.LookupCounts;
import dev.strata.agent.application.llm.ProviderFlight;
import dev.strata.agent.domain.llm.CacheOutcome;
import dev.strata.agent.domain.llm.CachePolicy;
import dev.strata.agent.domain.llm.ChatRequest;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway over HTTP against the real Redis (database 1) and a stand-in provider. */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(value = StubLlmServer.class, restrictToAnnotatedClass = true)
@ActingAs(Roles.ADMIN)
class LlmGatewayIT {

  @Inject RedisDataSource redis;
  @Inject LlmProvider provider;
  @Inject LlmCache cache;
  @Inject FlightLocks locks;
  @Inject GatewayMetrics metrics;
  @Inject CachePolicy policy;

  @BeforeEach
  void emptyCacheAndFreshProvider() {
    redis.execute("FLUSHDB");
    StubLlmServer.reset();
  }

  static String body(String prompt, String extra) {
    return """
        {"messages":[{"role":"system","content":"be brief"},{"role":"user","content":"%s"}],"temperature":0%s}"""
        .formatted(prompt, extra);
  }

  static ExtractableResponse<Response> complete(String body) {
    return given().contentType(ContentType.JSON).body(body).post("/llm/completions")
        .then().statusCode(200).extract();
  }

  @Test
  void aRepeatedRequestIsAMissThenAHitWithTheSameAnswerAndOneProviderCall() {
    ExtractableResponse<Response> first = complete(body("What is churn?", ""));
    ExtractableResponse<Response> second = complete(body("What is churn?", ""));

    assertThat(first.<String>path("cache")).isEqualTo("MISS");
    assertThat(second.<String>path("cache")).isEqualTo("HIT");
    assertThat(second.header("X-Cache")).isEqualTo("HIT");
    assertThat(second.<String>path("text")).isEqualTo(first.<String>path("text")).isEqualTo("answer 1");
    assertThat(second.<String>path("cacheKey")).matches("llm:stub-model:[0-9a-f]{64}");
    assertThat(StubLlmServer.calls()).isEqualTo(1);
  }

  @Test
  void theApiKeyGoesToTheProviderButNeverIntoTheCache() {
    String key = complete(body("secret prompt", "")).path("cacheKey");

    assertThat(StubLlmServer.authorizations()).containsExactly("Bearer sk-test-secret");
    assertThat(key).doesNotContain("secret");
    assertThat(redis.value(String.class).get(key)).doesNotContain("sk-test-secret").doesNotContain("secret prompt");
  }

  @Test
  void aChangedParameterOrTemplateVersionMisses() {
    complete(body("Summarise", ""));
    assertThat(complete(body("Summarise", ",\"maxTokens\":50")).<String>path("cache")).isEqualTo("MISS");
    assertThat(complete(body("Summarise", ",\"stop\":[\"END\"]")).<String>path("cache")).isEqualTo("MISS");
    assertThat(complete(body("Summarise", ",\"templateVersion\":\"v2\"")).<String>path("cache")).isEqualTo("MISS");
    assertThat(complete(body("Summarise", ",\"model\":\"other-model\"")).<String>path("cache")).isEqualTo("MISS");
    assertThat(StubLlmServer.calls()).isEqualTo(5);
  }

  @Test
  void aSampledRequestIsNotCachedUnlessTheCallerAsks() {
    String sampled = "{\"messages\":[{\"role\":\"user\",\"content\":\"poem\"}],\"temperature\":0.9}";
    assertThat(complete(sampled).<String>path("cache")).isEqualTo("BYPASS");
    assertThat(complete(sampled).<String>path("cache")).isEqualTo("BYPASS");
    String forced = "{\"messages\":[{\"role\":\"user\",\"content\":\"poem\"}],\"temperature\":0.9,\"cache\":true}";
    assertThat(complete(forced).<String>path("cache")).isEqualTo("MISS");
    assertThat(complete(forced).<String>path("cache")).isEqualTo("HIT");
  }

  @Test
  void anEntryExpiresAfterItsOwnTtl() {
    String shortLived = body("fleeting", ",\"ttlSeconds\":1");
    String key = complete(shortLived).path("cacheKey");
    assertThat(redis.key(String.class).pttl(key)).isBetween(1L, 1000L);

    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
        .until(() -> "MISS".equals(complete(shortLived).path("cache")));
    assertThat(StubLlmServer.calls()).isEqualTo(2);
  }

  @Test
  void aRateLimitedProviderIsRetriedAfterItsRetryAfterAndTheCallerSeesOnlyTheAnswer() {
    StubLlmServer.script(new StubLlmServer.Scripted(429, "1"));

    ExtractableResponse<Response> answer = complete(body("busy provider", ""));

    assertThat(answer.<String>path("text")).isEqualTo("answer 2");
    assertThat(StubLlmServer.calls()).isEqualTo(2);
  }

  @Test
  void aProviderThatKeepsFailingIsRetriedAFewTimesThenReportedUnavailable() {
    StubLlmServer.Scripted failure = new StubLlmServer.Scripted(503, null);
    StubLlmServer.script(failure, failure, failure, failure);

    given().contentType(ContentType.JSON).body(body("failing provider", "")).post("/llm/completions")
        .then().statusCode(503).contentType("application/problem+json");
    assertThat(StubLlmServer.calls()).isEqualTo(4);
  }

  @Test
  void aProviderRejectionIsTheClientsMistakeNotAServerError() {
    StubLlmServer.script(new StubLlmServer.Scripted(404, null));

    given().contentType(ContentType.JSON).body(body("unknown model", "")).post("/llm/completions")
        .then().statusCode(422).contentType("application/problem+json");
    assertThat(StubLlmServer.calls()).isEqualTo(1);
  }

  /** The REST form of {@code ChatRequest.of("popular")}. */
  private static final String POPULAR = "{\"messages\":[{\"role\":\"user\",\"content\":\"popular\"}],\"temperature\":0}";

  @Test
  void concurrentIdenticalMissesOnTwoReplicasCallTheProviderOnce() {
    StubLlmServer.delay(500);
    // a second replica: its own in-process flights, the same Redis
    CompleteChat otherReplica = new CompleteChat(provider, cache, policy,
        new ProviderFlight(provider, cache, locks, metrics, Duration.ofSeconds(30)), metrics);
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<String>> answers = IntStream.range(0, 8).mapToObj(i -> i % 2 == 0
              ? CompletableFuture.supplyAsync(() -> complete(POPULAR).<String>path("text"), clients)
              : otherReplica.run(ChatRequest.of("popular")).map(ChatAnswer::text).subscribeAsCompletionStage())
          .toList();
      assertThat(answers).allSatisfy(answer -> assertThat(answer.join()).isEqualTo("answer 1"));
    } finally {
      clients.shutdownNow();
    }
    assertThat(StubLlmServer.calls()).isEqualTo(1);
  }

  @Test
  void oneEntryOrAWholeModelCanBeEvicted() {
    String key = complete(body("one", "")).path("cacheKey");
    complete(body("two", ""));
    complete(body("three", ",\"model\":\"stub-model:large\""));

    given().delete("/llm/cache/" + key).then().statusCode(204);
    given().delete("/llm/cache/" + key).then().statusCode(404).contentType("application/problem+json");
    given().queryParam("model", "stub-model").delete("/llm/cache")
        .then().statusCode(200).body("deleted", equalTo(1));
    // the model named stub-model:large shares the prefix but is not stub-model
    assertThat(complete(body("three", ",\"model\":\"stub-model:large\"")).<String>path("cache")).isEqualTo("HIT");
  }

  @Test
  void statsCountHitsMissesEntriesAndBytes() {
    int hitsBefore = given().get("/llm/cache/stats").then().statusCode(200).extract().path("hits");
    int missesBefore = given().get("/llm/cache/stats").then().extract().path("misses");
    complete(body("counted", ""));
    complete(body("counted", ""));

    given().get("/llm/cache/stats").then().statusCode(200)
        .body("entries", equalTo(1))
        .body("hits", equalTo(hitsBefore + 1))
        .body("misses", equalTo(missesBefore + 1))
        .body("bytes", org.hamcrest.Matchers.greaterThan(0));
    given().get("/q/metrics").then().statusCode(200)
        .body(org.hamcrest.Matchers.containsString("llm_cache_requests_total{outcome=\"hit\""))
        .body(org.hamcrest.Matchers.containsString("llm_cache_hit_ratio"));
  }

  @Inject LookupCounts sharedCounts;

  @Test
  void statsAreTheClustersHitsAndMissesNotOnlyThisReplicas() {
    int hitsBefore = given().get("/llm/cache/stats").then().statusCode(200).extract().path("hits");
    int missesBefore = given().get("/llm/cache/stats").then().extract().path("misses");
    // a second replica: its own counts, the same Redis
    ClusterLookups otherReplica = new ClusterLookups(sharedCounts);
    otherReplica.count(CacheOutcome.HIT);
    otherReplica.count(CacheOutcome.HIT);
    otherReplica.count(CacheOutcome.MISS);
    otherReplica.flush().await().atMost(Duration.ofSeconds(5));
    complete(body("counted here", ""));

    given().get("/llm/cache/stats").then().statusCode(200)
        .body("hits", equalTo(hitsBefore + 2))
        .body("misses", equalTo(missesBefore + 2));
    assertThat(redis.hash(Long.class).hget("llm-stats", "hits")).isEqualTo(hitsBefore + 2L);
  }

  @Test
  void badRequestsAreAnsweredWithProblemDetails() {
    given().contentType(ContentType.JSON).body("{\"messages\":[]}").post("/llm/completions")
        .then().statusCode(422).contentType("application/problem+json");
    given().contentType(ContentType.JSON).body("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"temperature\":7}")
        .post("/llm/completions").then().statusCode(422).contentType("application/problem+json");
    given().contentType(ContentType.JSON).body("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"prompt\":1}")
        .post("/llm/completions").then().statusCode(400).contentType("application/problem+json");
    given().contentType(ContentType.JSON).body("{\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}").post("/llm/completions")
        .then().statusCode(422).contentType("application/problem+json");
    given().contentType(ContentType.JSON).body(body("x", ",\"model\":\"*\"")).post("/llm/completions")
        .then().statusCode(422).contentType("application/problem+json");
    given().delete("/llm/cache/not-a-key").then().statusCode(422).contentType("application/problem+json");
    given().delete("/llm/cache").then().statusCode(400).contentType("application/problem+json");
    given().queryParam("model", "a*").delete("/llm/cache").then().statusCode(422);
    assertThat(StubLlmServer.calls()).isZero();
  }

  @Test
  void withRedisStoppedMidTestRequestsAreStillAnsweredAndReadinessStaysUp() {
    assumeTrue(LocalRedis.controllable(), "needs a local redis-server to stop and restart");
    assertThat(complete(body("before the outage", "")).<String>path("cache")).isEqualTo("MISS");
    LocalRedis.stop();
    try {
      ExtractableResponse<Response> during = complete(body("during the outage", ""));
      assertThat(during.<String>path("cache")).isEqualTo("DEGRADED");
      assertThat(during.<String>path("text")).startsWith("answer");
      // the Redis outage must not take readiness down (other dependencies report for themselves)
      given().get("/q/health/ready").then().log().ifValidationFails()
          .body("checks.find { it.name == 'llm-gateway' }.status", equalTo("UP"))
          .body("checks.findAll { it.status == 'DOWN' }.name", everyItem(not(containsStringIgnoringCase("redis"))));
      given().get("/q/metrics").then().body(containsString("llm_cache_unavailable_total"));
    } finally {
      LocalRedis.start();
    }
    // the client reconnects by itself: the cache works again without a restart
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> "HIT".equals(complete(body("after the outage", "")).path("cache")));
  }

  @Test
  void theGatewayReportsItselfConfigured() {
    given().get("/llm/status").then().statusCode(200)
        .body("configured", equalTo(true))
        .body("defaultModel", equalTo("stub-model"))
        .body("endpoint", matchesPattern("http://127\\.0\\.0\\.1:\\d+"));
  }
}
