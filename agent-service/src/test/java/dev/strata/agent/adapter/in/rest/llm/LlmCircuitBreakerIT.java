package dev.strata.agent.adapter.in.rest.llm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.strata.agent.adapter.out.openai.StubLlmServer;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider's circuit breaker, with small limits (4 calls, 50 %, 2 s, no retries) so that each
 * request is exactly one provider call: once it opens the provider is left alone and callers get a
 * 503 problem at once; after the delay one successful call closes it again.
 */
@QuarkusTest
@TestProfile(LlmCircuitBreakerIT.SmallBreaker.class)
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(value = StubLlmServer.class, restrictToAnnotatedClass = true)
@ActingAs(Roles.ADMIN)
class LlmCircuitBreakerIT {

  private static final String PROVIDER = "dev.strata.agent.adapter.out.openai.OpenAiChatProvider/complete/";
  private static final AtomicInteger PROMPTS = new AtomicInteger();

  /** The breaker's limits made small enough to trip in a test; the annotation holds the production ones. */
  public static class SmallBreaker implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          PROVIDER + "CircuitBreaker/requestVolumeThreshold", "4",
          PROVIDER + "CircuitBreaker/delay", "2",
          PROVIDER + "Retry/maxRetries", "0");
    }
  }

  @Inject RedisDataSource redis;

  @BeforeEach
  void freshProviderAndCache() {
    redis.execute("FLUSHDB");
    StubLlmServer.reset();
  }

  /** A request nobody asked before, so it can only be answered by the provider. */
  private static Response askSomethingNew() {
    String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"question %d\"}],\"temperature\":0}"
        .formatted(PROMPTS.incrementAndGet());
    return given().contentType(ContentType.JSON).body(body).post("/llm/completions");
  }

  @Test
  void aProviderThatKeepsFailingIsLeftAloneUntilTheDelayThenOneSuccessClosesTheBreaker() {
    StubLlmServer.Scripted down = new StubLlmServer.Scripted(503, null);
    StubLlmServer.script(down, down, down, down);
    for (int i = 0; i < 4; i++) {
      askSomethingNew().then().statusCode(503).contentType("application/problem+json");
    }
    assertThat(StubLlmServer.calls()).isEqualTo(4);

    // open: answered at once with a problem, and the provider is not called
    askSomethingNew().then().statusCode(503).contentType("application/problem+json")
        .body("detail", containsString("CircuitBreakerOpen"));
    askSomethingNew().then().statusCode(503);
    assertThat(StubLlmServer.calls()).isEqualTo(4);

    // after the delay a trial call reaches the (recovered) provider and closes the breaker
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
        .until(() -> askSomethingNew().statusCode() == 200);
    int afterRecovery = StubLlmServer.calls();
    assertThat(afterRecovery).isEqualTo(5);
    for (int i = 0; i < 3; i++) {
      askSomethingNew().then().statusCode(200).body("cache", org.hamcrest.Matchers.equalTo("MISS"));
    }
    assertThat(StubLlmServer.calls()).isEqualTo(afterRecovery + 3);
  }
}
