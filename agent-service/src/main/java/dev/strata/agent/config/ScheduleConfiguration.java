package dev.strata.agent.config;

import dev.strata.agent.adapter.out.postgres.PostgresSchedules;
import dev.strata.agent.application.FireSchedules;
import dev.strata.agent.application.ManageSchedules;
import dev.strata.agent.application.StartExecution;
import dev.strata.agent.application.access.ActionAudit;
import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.schedule.Schedule;
import dev.strata.agent.domain.schedule.Schedules;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.workflow.Workflows;
import dev.strata.agent.settings.AgentConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/** Composition root of workflow schedules: their repository, their use cases, and what a poll reports. */
@ApplicationScoped
public class ScheduleConfiguration {

  private static final Logger LOG = Logger.getLogger(FireSchedules.class);

  @Produces @Singleton Schedules schedules() { return new PostgresSchedules(); }

  @Produces @Singleton
  ManageSchedules manageSchedules(Schedules schedules, Workflows workflows, UnitOfWork u, Clock clock) {
    return new ManageSchedules(schedules, workflows, u, clock);
  }

  @Produces @Singleton
  FireSchedules fireSchedules(Schedules schedules, StartExecution start, UnitOfWork u, Clock clock, AgentConfig config,
      MeterRegistry meters, ActionAudit audit) {
    var settings = config.schedules();
    if (settings.grace().compareTo(settings.pollEvery()) <= 0) {
      throw new IllegalArgumentException("agent.schedules.grace (" + settings.grace() + ") must be longer than agent.schedules.poll-every ("
          + settings.pollEvery() + "), or every tick would be found late");
    }
    return new FireSchedules(schedules, start, u, clock, settings.grace(), settings.batchSize(),
        new Reported(meters.counter("strata.workflow.schedule.starts"), meters.counter("strata.workflow.schedule.ticks.skipped"),
            meters.counter("strata.workflow.schedule.failures"), audit));
  }

  /** Meters, the audit trail (a scheduled start is audited as the schedule's) and log lines. */
  private record Reported(Counter starts, Counter skipped, Counter failures, ActionAudit audit) implements FireSchedules.Listener {

    @Override
    public void started(Schedule schedule, Instant tick, Execution execution) {
      starts.increment();
      audit.record("schedule:" + schedule.id(), "start-execution", "/executions/" + execution.id(),
          Map.of("workflowId", schedule.workflowId().toString(), "tick", tick.toString()));
    }

    @Override
    public void skipped(Schedule schedule, long ticks) {
      skipped.increment(ticks);
      LOG.infof("schedule %s of workflow %s skipped %d tick(s) (missed ticks: %s)", schedule.id(), schedule.workflowId(), ticks,
          schedule.settings().missedTicks().wireName());
    }

    @Override
    public void failed(Schedule schedule, Throwable failure) {
      failures.increment();
      LOG.warnf(failure, "schedule %s of workflow %s could not start its tick; the next poll tries again", schedule.id(), schedule.workflowId());
    }
  }
}
