package dev.strata.agent.application.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.agent.domain.llm.CacheOutcome;
import dev.strata.agent.domain.llm.CachePolicy;
import dev.strata.agent.domain.llm.ChatCompletion;
import dev.strata.agent.domain.llm.ChatMessage;
import dev.strata.agent.domain.llm.ChatRequest;
import dev.strata.agent.domain.llm.LlmStatus;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CompleteChatTest {

  private static final LlmStatus CONFIGURED = new LlmStatus(true, "test-model", "http://127.0.0.1:1");

  private final InMemoryGateway.Cache cache = new InMemoryGateway.Cache();
  private final InMemoryGateway.Locks locks = new InMemoryGateway.Locks(cache.down);
  private final InMemoryGateway.Metrics metrics = new InMemoryGateway.Metrics();
  private final AtomicInteger providerCalls = new AtomicInteger();
  private final CachePolicy policy = new CachePolicy(Duration.ofHours(24), Duration.ofDays(30));

  private LlmProvider provider(LlmStatus status, Function<ChatRequest, Uni<ChatCompletion>> answer) {
    return new LlmProvider() {
      @Override
      public Uni<ChatCompletion> complete(ChatRequest request) {
        return Uni.createFrom().deferred(() -> {
          providerCalls.incrementAndGet();
          return answer.apply(request);
        });
      }

      @Override
      public LlmStatus status() {
        return status;
      }
    };
  }

  private LlmProvider answering() {
    return provider(CONFIGURED, request -> Uni.createFrom().item(completion("answer " + providerCalls.get())));
  }

  private CompleteChat replica(LlmProvider provider) {
    return new CompleteChat(provider, cache, policy, new ProviderFlight(provider, cache, locks, metrics, Duration.ofSeconds(10)), metrics);
  }

  private static ChatCompletion completion(String text) {
    return new ChatCompletion(text, "stop", "test-model", 3, 2, null);
  }

  private static ChatAnswer run(CompleteChat useCase, ChatRequest request) {
    return useCase.run(request).await().atMost(Duration.ofSeconds(10));
  }

  @Test
  void aRepeatedDeterministicRequestIsAnsweredFromTheCacheOnTheConfiguredModel() {
    CompleteChat useCase = replica(answering());
    ChatAnswer first = run(useCase, ChatRequest.of("hello"));
    ChatAnswer second = run(useCase, ChatRequest.of("hello"));

    assertThat(first.outcome()).isEqualTo(CacheOutcome.MISS);
    assertThat(second.outcome()).isEqualTo(CacheOutcome.HIT);
    assertThat(second.text()).isEqualTo(first.text());
    assertThat(second.key()).isEqualTo(first.key());
    assertThat(first.key().model()).isEqualTo("test-model");
    assertThat(providerCalls).hasValue(1);
  }

  @Test
  void aSampledRequestBypassesTheCache() {
    CompleteChat useCase = replica(answering());
    ChatRequest sampled = new ChatRequest(null, List.of(ChatMessage.user("poem")), 0.9, null, null, null, null, null, null, null);

    assertThat(run(useCase, sampled).outcome()).isEqualTo(CacheOutcome.BYPASS);
    assertThat(run(useCase, sampled).outcome()).isEqualTo(CacheOutcome.BYPASS);
    assertThat(providerCalls).hasValue(2);
    assertThat(cache.entries).isEmpty();
  }

  @Test
  void concurrentIdenticalMissesOnTwoReplicasCallTheProviderOnce() {
    CompletableFuture<ChatCompletion> providerAnswer = new CompletableFuture<>();
    LlmProvider slow = provider(CONFIGURED, request -> Uni.createFrom().completionStage(providerAnswer));
    CompleteChat replicaA = replica(slow);
    CompleteChat replicaB = replica(slow);

    List<CompletableFuture<ChatAnswer>> answers = IntStream.range(0, 8)
        .mapToObj(i -> (i % 2 == 0 ? replicaA : replicaB).run(ChatRequest.of("same question")).subscribeAsCompletionStage())
        .toList();
    providerAnswer.complete(completion("the one answer"));

    assertThat(answers).allSatisfy(answer -> assertThat(answer.join().text()).isEqualTo("the one answer"));
    assertThat(providerCalls).hasValue(1);
    assertThat(answers).extracting(answer -> answer.join().outcome())
        .containsOnlyOnce(CacheOutcome.MISS)
        .containsOnly(CacheOutcome.MISS, CacheOutcome.SHARED);
    assertThat(locks.held).isEmpty();
  }

  @Test
  void anUnreachableCacheIsBypassedAndReportedWhileRequestsAreStillAnswered() {
    CompleteChat useCase = replica(answering());
    cache.down.set(true);

    ChatAnswer answer = run(useCase, ChatRequest.of("hello"));

    assertThat(answer.outcome()).isEqualTo(CacheOutcome.DEGRADED);
    assertThat(answer.text()).isEqualTo("answer 1");
    assertThat(metrics.unavailable.get()).isPositive();
  }

  @Test
  void anUnconfiguredGatewaySaysSoInsteadOfCallingAnything() {
    CompleteChat useCase = replica(provider(LlmStatus.unconfigured(), request -> Uni.createFrom().item(completion("never"))));

    assertThat(useCase.status().configured()).isFalse();
    assertThatThrownBy(() -> run(useCase, ChatRequest.of("hello"))).isInstanceOf(LlmUnavailable.class);
    assertThat(providerCalls).hasValue(0);
  }

  @Test
  void providerFailuresBecomeUnavailableButRejectionsStayTheClientsMistake() {
    CompleteChat broken = replica(provider(CONFIGURED, request -> Uni.createFrom().failure(new IllegalStateException("boom"))));
    CompleteChat rejecting = replica(provider(CONFIGURED, request -> Uni.createFrom().failure(new DomainException.Invalid("bad model"))));

    assertThatThrownBy(() -> run(broken, ChatRequest.of("a"))).isInstanceOf(LlmUnavailable.class);
    assertThatThrownBy(() -> run(rejecting, ChatRequest.of("b"))).isInstanceOf(DomainException.Invalid.class);
    assertThat(locks.held).isEmpty();
  }

  @Test
  void aFailedLeaderDoesNotStrandTheRequestsWaitingForIt() {
    CompletableFuture<ChatCompletion> failing = new CompletableFuture<>();
    AtomicInteger attempt = new AtomicInteger();
    LlmProvider flaky = provider(CONFIGURED, request -> attempt.incrementAndGet() == 1
        ? Uni.createFrom().completionStage(failing)
        : Uni.createFrom().item(completion("second try")));
    CompleteChat replicaA = replica(flaky);
    CompleteChat replicaB = replica(flaky);

    CompletableFuture<ChatAnswer> leader = replicaA.run(ChatRequest.of("q")).subscribeAsCompletionStage();
    CompletableFuture<ChatAnswer> follower = replicaB.run(ChatRequest.of("q")).subscribeAsCompletionStage();
    failing.completeExceptionally(new IllegalStateException("provider down"));

    assertThat(leader).failsWithin(Duration.ofSeconds(5));
    assertThat(follower.join().text()).isEqualTo("second try");
  }
}
