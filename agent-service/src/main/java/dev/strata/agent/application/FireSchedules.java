package dev.strata.agent.application;

import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.schedule.Catchup;
import dev.strata.agent.domain.schedule.Schedule;
import dev.strata.agent.domain.schedule.Schedules;
import dev.strata.agent.domain.shared.UnitOfWork;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One poll of the schedules: each due one starts the execution of its tick through {@link StartExecution} and is moved
 * on to its next tick. Replicas poll the same rows; a tick runs once because its execution's idempotency key is made
 * of the schedule and the tick (the second start of it finds the first's execution), and moving on is a
 * compare-and-set on the next tick read. A start comes before the move, so a poller that dies between the two leaves
 * the tick due, and the next poll's start of it is the no-op.
 */
public final class FireSchedules {

  /** Told what a poll did, as it happens (metrics, audit, logs). */
  public interface Listener {
    void started(Schedule schedule, Instant tick, Execution execution);

    /** Ticks that started nothing: missed ones the policy skips, or those a run-once execution stands for. */
    void skipped(Schedule schedule, long ticks);

    void failed(Schedule schedule, Throwable failure);
  }

  /** What one poll did. */
  public record Round(int due, int started, long skipped, int failed) {
    static final Round NONE = new Round(0, 0, 0, 0);

    Round plus(Round other) {
      return new Round(due + other.due, started + other.started, skipped + other.skipped, failed + other.failed);
    }
  }

  private final Schedules schedules;
  private final StartExecution start;
  private final UnitOfWork unitOfWork;
  private final Clock clock;
  private final Duration grace;
  private final int batchSize;
  private final Listener listener;

  /**
   * @param grace how late a tick may be found and still be on time (run whatever the policy)
   * @param batchSize most schedules handled per poll, the longest due first
   */
  public FireSchedules(Schedules schedules, StartExecution start, UnitOfWork unitOfWork, Clock clock, Duration grace, int batchSize,
      Listener listener) {
    this.schedules = schedules;
    this.start = start;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
    this.grace = grace;
    this.batchSize = batchSize;
    this.listener = listener;
  }

  public Uni<Round> run() {
    Instant now = clock.instant();
    return Async.<List<Schedule>>uni(() -> unitOfWork.read(() -> schedules.due(now, batchSize))).chain(due -> {
      Uni<Round> round = Uni.createFrom().item(Round.NONE);
      for (Schedule schedule : due) {
        round = round.chain(sum -> fire(schedule, now).map(sum::plus));
      }
      return round;
    });
  }

  private Uni<Round> fire(Schedule schedule, Instant now) {
    Optional<Catchup> due = schedule.due(now, grace);
    if (due.isEmpty()) {
      return Uni.createFrom().item(Round.NONE);
    }
    Catchup catchup = due.get();
    Uni<Optional<StartExecution.Started>> started = catchup.run()
        .map(tick -> start.run(schedule.workflowId(), schedule.idempotencyKey(tick), schedule.settings().input())
            .invoke(s -> {
              if (s.created()) {
                listener.started(schedule, tick, s.execution());
              }
            })
            .map(Optional::of))
        .orElseGet(() -> Uni.createFrom().item(Optional.empty()));
    return started.chain(ran -> Async.<Boolean>uni(() -> unitOfWork.write(() -> schedules.advance(schedule.id(), schedule.nextTick(),
            catchup.next(), catchup.run().orElse(null), ran.map(s -> s.execution().id()).orElse(null))))
        .map(moved -> {
          // of two pollers that handled the same ticks, the one that moved the schedule on counts the skipped ones
          long skipped = moved ? catchup.skipped() : 0;
          if (skipped > 0) {
            listener.skipped(schedule, skipped);
          }
          return new Round(1, ran.filter(StartExecution.Started::created).isPresent() ? 1 : 0, skipped, 0);
        }))
        .onFailure().recoverWithItem(failure -> {
          listener.failed(schedule, failure);
          return new Round(1, 0, 0, 1);
        });
  }
}
