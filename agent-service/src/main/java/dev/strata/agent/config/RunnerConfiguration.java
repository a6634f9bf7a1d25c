package dev.strata.agent.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.agent.adapter.out.http.GuardedHttp;
import dev.strata.agent.adapter.out.http.HttpStepEffect;
import dev.strata.agent.adapter.out.http.RestStepEffects;
import dev.strata.agent.adapter.out.otel.TracedStepEffects;
import dev.strata.agent.adapter.out.http.ScoringApi;
import dev.strata.agent.adapter.out.http.WarehouseApi;
import dev.strata.agent.adapter.out.llm.LlmStepEffect;
import dev.strata.agent.adapter.out.postgres.PostgresCheckpoints;
import dev.strata.agent.adapter.out.postgres.PostgresExecutionLeases;
import dev.strata.agent.adapter.out.postgres.PostgresExecutionPath;
import dev.strata.agent.adapter.out.postgres.PostgresExecutions;
import dev.strata.agent.adapter.out.postgres.PostgresOutbox;
import dev.strata.agent.application.GetResource;
import dev.strata.agent.application.ListResources;
import dev.strata.agent.application.PerformStep;
import dev.strata.agent.application.PruneCheckpoints;
import dev.strata.agent.application.ReadCheckpoints;
import dev.strata.agent.application.ReviseResource;
import dev.strata.agent.application.RunExecution;
import dev.strata.agent.application.StartExecution;
import dev.strata.agent.application.llm.CompleteChat;
import dev.strata.agent.domain.execution.Checkpoints;
import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.execution.ExecutionLeases;
import dev.strata.agent.domain.execution.ExecutionPath;
import dev.strata.agent.domain.execution.Executions;
import dev.strata.agent.domain.execution.Outbox;
import dev.strata.agent.domain.execution.RetryPolicy;
import dev.strata.agent.domain.execution.StepEffects;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.workflow.Workflows;
import dev.strata.agent.domain.workflow.StepKind;
import dev.strata.agent.settings.AgentConfig;
import dev.strata.support.messaging.OutboundMessages;
import dev.strata.support.messaging.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Composition root of executions: repositories, outbox and its relay, step effects, the runner. */
@ApplicationScoped
public class RunnerConfiguration {

  @Produces @Singleton Executions executions() { return new PostgresExecutions(); }
  @Produces @Singleton Checkpoints checkpoints() { return new PostgresCheckpoints(); }
  @Produces @Singleton Outbox outbox() { return new PostgresOutbox(); }
  @Produces @Singleton ExecutionLeases executionLeases() { return new PostgresExecutionLeases(); }

  @Produces @Singleton GetResource<Execution> getExecution(Executions r, UnitOfWork u) { return new GetResource<>(r, u, "execution"); }
  @Produces @Singleton ListResources<Execution> listExecutions(Executions r, UnitOfWork u) { return new ListResources<>(r, u); }
  @Produces @Singleton ReviseResource<Execution> reviseExecution(Executions r, UnitOfWork u) { return new ReviseResource<>(r, u, "execution"); }

  @Produces @Singleton
  PruneCheckpoints pruneCheckpoints(Checkpoints checkpoints, UnitOfWork unitOfWork, AgentConfig config, Clock clock) {
    return new PruneCheckpoints(checkpoints, unitOfWork, config.checkpoints().keepLast(), config.checkpoints().maxAge(), clock);
  }

  @Produces @Singleton
  ReadCheckpoints readCheckpoints(Executions executions, Checkpoints checkpoints, UnitOfWork unitOfWork) {
    return new ReadCheckpoints(executions, checkpoints, unitOfWork);
  }

  /** Each start, claim and step commit in one statement: the path every execution takes. */
  @Produces @Singleton
  ExecutionPath executionPath(Pool pool, OutboxRelay relay) {
    return new PostgresExecutionPath(pool.getDelegate(), relay::nudge);
  }

  @Produces @Singleton
  StartExecution startExecution(ExecutionPath path, Executions executions, Checkpoints checkpoints, UnitOfWork u, Clock clock) {
    return new StartExecution(path, executions, checkpoints, u, clock);
  }

  @Produces @Singleton
  PerformStep performStep(AgentConfig config, CompleteChat completeChat, @RestClient ScoringApi scoring,
      @RestClient WarehouseApi warehouse, ObjectMapper mapper, GuardedHttp http, Tracer tracer) {
    Map<StepKind, StepEffects> effects = TracedStepEffects.traced(tracer, Map.of(
        StepKind.HTTP, new HttpStepEffect(http),
        StepKind.LLM, new LlmStepEffect(completeChat),
        StepKind.SCORE, RestStepEffects.score(scoring, mapper),
        StepKind.WAREHOUSE_QUERY, RestStepEffects.warehouseQuery(warehouse, mapper)));
    return new PerformStep(effects, retryPolicy(config));
  }

  private static RetryPolicy retryPolicy(AgentConfig config) {
    var runner = config.runner();
    return new RetryPolicy(runner.maxAttempts(), runner.initialBackoff(), runner.stepTimeout());
  }

  @Produces @Singleton
  RunExecution runExecution(ExecutionPath path, Executions executions, Checkpoints checkpoints, Workflows workflows, Outbox outbox,
      ExecutionLeases leases, UnitOfWork u, PerformStep step, AgentConfig config, Clock clock, MeterRegistry meters) {
    Duration lease = config.runner().lease();
    // a duplicate delivery waits out the holder's slowest step (it may end the execution) and then one lease
    Duration busyWait = retryPolicy(config).longestStep().plus(lease);
    var committed = meters.counter("strata.workflow.steps.committed");
    return new RunExecution(path, executions, checkpoints, workflows, outbox, leases, u, step, lease, busyWait, clock,
        checkpoint -> committed.increment());
  }

  @Produces @Singleton
  OutboxRelay outboxRelay(Pool pool, @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) Emitter<byte[]> emitter,
      OutboundMessages outbound, AgentConfig config) {
    return new OutboxRelay(pool, emitter, outbound, PostgresOutbox.TABLE, config.outbox().batchSize(), config.outbox().confirmTimeout(),
        config.outbox().pollInterval());
  }
}
