package dev.strata.agent.adapter.in.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.application.FireSchedules;
import dev.strata.agent.application.StartExecution;
import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.schedule.Cron;
import dev.strata.agent.domain.schedule.MissedTicks;
import dev.strata.agent.domain.schedule.Schedule;
import dev.strata.agent.domain.schedule.Schedules;
import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.Query;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.workflow.Step;
import dev.strata.agent.domain.workflow.StepKind;
import dev.strata.agent.domain.workflow.Workflow;
import dev.strata.agent.domain.workflow.WorkflowDefinition;
import dev.strata.agent.domain.workflow.Workflows;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schedules ticking against Postgres through the real start path: two pollers on one database act as two replicas
 * (each with its own clock, set by the test; both made to read the due schedule before either goes on), and every
 * tick starts exactly one execution; the missed-tick policies after an outage. The instants lie years ahead, so the service's own poller (on the system clock) never finds
 * these schedules due; what these pollers do to other tests' schedules is not looked at.
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class ScheduleTicksIT {

  private static final Instant CREATED = Instant.parse("2031-01-06T10:00:00Z");
  private static final Duration GRACE = Duration.ofMinutes(1);

  @Inject Schedules schedules;
  @Inject Workflows workflows;
  @Inject StartExecution start;
  @Inject UnitOfWork unitOfWork;
  @Inject Pool pool;

  private Workflow workflow;

  /** A replica's clock, moved by the test. */
  static final class TestClock extends Clock {
    private volatile Instant now = CREATED;

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /** What one poller reported. */
  record Event(String what, Schedule schedule, Instant tick, long ticks) {}

  /** A poller as a replica runs it, reporting into {@code events}. */
  private FireSchedules replica(Clock clock, List<Event> events) {
    return replica(schedules, clock, events);
  }

  private FireSchedules replica(Schedules schedules, Clock clock, List<Event> events) {
    return new FireSchedules(schedules, start, unitOfWork, clock, GRACE, 100, new FireSchedules.Listener() {
      @Override
      public void started(Schedule schedule, Instant tick, Execution execution) {
        events.add(new Event("started", schedule, tick, 1));
      }

      @Override
      public void skipped(Schedule schedule, long ticks) {
        events.add(new Event("skipped", schedule, null, ticks));
      }

      @Override
      public void failed(Schedule schedule, Throwable failure) {
        events.add(new Event("failed", schedule, null, 0));
      }
    });
  }

  /**
   * The schedules of Postgres, but a poll's read of the due ones answers only once two polls have read them, so two
   * replicas polling together both see the same due schedule before either starts its tick or moves it on. Records
   * each read that found {@code watched} in {@code seen}.
   */
  static final class BothRead implements Schedules {
    private final Schedules stored;
    private final Schedule watched;
    private final List<Event> seen;
    private final CompletableFuture<Void> both = new CompletableFuture<>();
    private final AtomicInteger reads = new AtomicInteger();

    BothRead(Schedules stored, Schedule watched, List<Event> seen) {
      this.stored = stored;
      this.watched = watched;
      this.seen = seen;
    }

    @Override
    public CompletionStage<List<Schedule>> due(Instant now, int limit) {
      return stored.due(now, limit).thenCompose(due -> {
        due.stream().filter(s -> s.id().equals(watched.id())).forEach(s -> seen.add(new Event("seen", s, s.nextTick(), 1)));
        if (reads.incrementAndGet() == 2) {
          both.complete(null);
        }
        return both.thenApply(ignored -> due);
      });
    }

    @Override
    public CompletionStage<Boolean> advance(UUID id, Instant expected, Instant next, Instant ranTick, UUID executionId) {
      return stored.advance(id, expected, next, ranTick, executionId);
    }

    @Override
    public CompletionStage<Optional<Schedule>> get(UUID id) {
      return stored.get(id);
    }

    @Override
    public CompletionStage<Page<Schedule>> list(Query query) {
      return stored.list(query);
    }

    @Override
    public CompletionStage<Long> count(Query query) {
      return stored.count(query);
    }

    @Override
    public CompletionStage<Schedule> create(Schedule schedule) {
      return stored.create(schedule);
    }

    @Override
    public CompletionStage<List<Schedule>> createMany(List<Schedule> created) {
      return stored.createMany(created);
    }

    @Override
    public CompletionStage<Schedule> update(Schedule schedule) {
      return stored.update(schedule);
    }

    @Override
    public CompletionStage<Void> delete(UUID id) {
      return stored.delete(id);
    }
  }

  private static <T> T await(Supplier<Uni<T>> work) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(work);
  }

  private <T> T write(Supplier<CompletionStage<T>> work) throws Throwable {
    return await(() -> Uni.createFrom().completionStage(() -> unitOfWork.write(work)));
  }

  @BeforeEach
  void aWorkflow() throws Throwable {
    Workflow fresh = Workflow.create("scheduled " + UUID.randomUUID(), "", null,
        new WorkflowDefinition(List.of(new Step("t", StepKind.TEMPLATE, Map.of("text", "tick {{input.n}}")))), CREATED);
    workflow = write(() -> workflows.create(fresh));
  }

  private Schedule hourly(MissedTicks policy) throws Throwable {
    var settings = new Schedule.Settings(Cron.parse("0 * * * *", CREATED), ZoneId.of("UTC"), Map.of("n", 7), policy, true);
    Schedule created = Schedule.create(workflow.id(), settings, CREATED);
    return write(() -> schedules.create(created));
  }

  private Schedule stored(Schedule schedule) throws Throwable {
    return write(() -> schedules.get(schedule.id())).orElseThrow();
  }

  /** The idempotency keys of the workflow's executions, in order. */
  private List<String> executionKeys() {
    List<String> keys = new ArrayList<>();
    for (Row row : pool.preparedQuery("SELECT idempotency_key FROM agent.executions WHERE workflow_id = $1 ORDER BY idempotency_key")
        .execute(Tuple.of(workflow.id())).await().indefinitely()) {
      keys.add(row.getString("idempotency_key"));
    }
    return keys;
  }

  private static List<Event> of(Schedule schedule, List<Event> events, String what) {
    return events.stream().filter(e -> e.schedule().id().equals(schedule.id()) && e.what().equals(what)).toList();
  }

  @Test
  void twoReplicasPollingTogetherStartOneExecutionPerTick() throws Throwable {
    Schedule schedule = hourly(MissedTicks.SKIP);
    TestClock clockA = new TestClock();
    TestClock clockB = new TestClock();
    List<Event> events = new CopyOnWriteArrayList<>();
    List<Event> seen = new CopyOnWriteArrayList<>();

    List<String> expected = new ArrayList<>();
    for (int hour = 11; hour <= 15; hour++) {
      Instant tick = Instant.parse("2031-01-06T%d:00:00Z".formatted(hour));
      clockA.set(tick.plusSeconds(1));
      clockB.set(tick.plusSeconds(2));
      // neither replica goes on before both have read the due schedules: both start the tick
      BothRead bothRead = new BothRead(schedules, schedule, seen);
      FireSchedules a = replica(bothRead, clockA, events);
      FireSchedules b = replica(bothRead, clockB, events);
      await(() -> Uni.combine().all().unis(a.run(), b.run()).asTuple());
      expected.add(schedule.idempotencyKey(tick));
      assertThat(seen).as("replicas that found the schedule due at %s", tick).hasSize(2 * expected.size());

      assertThat(executionKeys()).as("executions after the tick of %s", tick).containsExactlyElementsOf(expected);
      assertThat(of(schedule, events, "started")).extracting(Event::tick).as("starts reported by both replicas")
          .hasSize(expected.size()).last().isEqualTo(tick);
      assertThat(stored(schedule).nextTick()).isEqualTo(tick.plusSeconds(3600));
    }
    assertThat(of(schedule, events, "skipped")).isEmpty();
    assertThat(of(schedule, events, "failed")).isEmpty();
    Schedule last = stored(schedule);
    assertThat(last.lastTick()).isEqualTo(Instant.parse("2031-01-06T15:00:00Z"));
    assertThat(last.lastExecutionId()).isNotNull();
  }

  @Test
  void aReplicaThatStartsATickAnotherAlreadyStartedStartsNothingAndStillMovesTheScheduleOn() throws Throwable {
    Schedule schedule = hourly(MissedTicks.SKIP);
    Instant tick = Instant.parse("2031-01-06T11:00:00Z");
    TestClock clock = new TestClock();
    clock.set(tick.plusSeconds(3));
    List<Event> events = new CopyOnWriteArrayList<>();
    await(() -> replica(clock, events).run());
    assertThat(executionKeys()).containsExactly(schedule.idempotencyKey(tick));

    // the other replica read the schedule before the first moved it on (or the first died between its start and the move)
    pool.preparedQuery("UPDATE agent.schedules SET next_tick = $2 WHERE id = $1")
        .execute(Tuple.of(schedule.id(), tick.atOffset(ZoneOffset.UTC))).await().indefinitely();
    List<Event> second = new CopyOnWriteArrayList<>();
    FireSchedules.Round round = await(() -> replica(clock, second).run());

    assertThat(executionKeys()).containsExactly(schedule.idempotencyKey(tick));
    assertThat(of(schedule, second, "started")).isEmpty();
    assertThat(round.due()).isGreaterThanOrEqualTo(1);
    assertThat(stored(schedule).nextTick()).isEqualTo(tick.plusSeconds(3600));
  }

  @Test
  void skipStartsNothingForTicksMissedWhileNoReplicaRanAndGoesOnWithTheNext() throws Throwable {
    Schedule schedule = hourly(MissedTicks.SKIP);
    TestClock clock = new TestClock();
    List<Event> events = new CopyOnWriteArrayList<>();
    FireSchedules replica = replica(clock, events);

    clock.set(Instant.parse("2031-01-06T14:10:00Z"));
    await(replica::run);
    assertThat(executionKeys()).isEmpty();
    assertThat(of(schedule, events, "skipped")).extracting(Event::ticks).containsExactly(4L);
    Schedule after = stored(schedule);
    assertThat(after.nextTick()).isEqualTo(Instant.parse("2031-01-06T15:00:00Z"));
    assertThat(after.lastTick()).isNull();

    clock.set(Instant.parse("2031-01-06T15:00:05Z"));
    await(replica::run);
    assertThat(executionKeys()).containsExactly(schedule.idempotencyKey(Instant.parse("2031-01-06T15:00:00Z")));
  }

  @Test
  void runOnceStartsOneExecutionForTheMissedTicksThatOfTheLatestAndGoesOn() throws Throwable {
    Schedule schedule = hourly(MissedTicks.RUN_ONCE);
    TestClock clock = new TestClock();
    List<Event> events = new CopyOnWriteArrayList<>();
    FireSchedules replica = replica(clock, events);

    clock.set(Instant.parse("2031-01-06T14:10:00Z"));
    await(replica::run);
    await(replica::run);
    Instant latest = Instant.parse("2031-01-06T14:00:00Z");
    assertThat(executionKeys()).containsExactly(schedule.idempotencyKey(latest));
    assertThat(of(schedule, events, "started")).extracting(Event::tick).containsExactly(latest);
    assertThat(of(schedule, events, "skipped")).extracting(Event::ticks).containsExactly(3L);
    Schedule after = stored(schedule);
    assertThat(after.nextTick()).isEqualTo(Instant.parse("2031-01-06T15:00:00Z"));
    assertThat(after.lastTick()).isEqualTo(latest);

    String n = pool.preparedQuery("SELECT input->>'n' AS n FROM agent.executions WHERE id = $1").execute(Tuple.of(after.lastExecutionId()))
        .await().indefinitely().iterator().next().getString("n");
    assertThat(n).as("the schedule's input").isEqualTo("7");
  }

  @Test
  void anEditThatReadTheScheduleBeforeATickMovedItOnDoesNotMoveItBack() throws Throwable {
    Schedule read = hourly(MissedTicks.SKIP);
    TestClock clock = new TestClock();
    clock.set(Instant.parse("2031-01-06T11:00:01Z"));
    await(() -> replica(clock, new CopyOnWriteArrayList<>()).run());

    var newInput = new Schedule.Settings(read.settings().cron(), read.settings().zone(), Map.of("n", 8), MissedTicks.RUN_ONCE, true);
    Schedule edited = write(() -> schedules.update(read.revise(newInput, read.version(), clock.instant())));
    assertThat(edited.nextTick()).isEqualTo(Instant.parse("2031-01-06T12:00:00Z"));
    assertThat(edited.lastTick()).isEqualTo(Instant.parse("2031-01-06T11:00:00Z"));
    assertThat(edited.settings().input()).isEqualTo(Map.of("n", 8));
    assertThat(edited.version()).isEqualTo(1);
  }
}
