package dev.strata.agent.adapter.out.postgres;

import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.json;
import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.of;
import static dev.strata.agent.adapter.out.postgres.PostgresRepository.Column.time;

import dev.strata.agent.domain.schedule.Cron;
import dev.strata.agent.domain.schedule.MissedTicks;
import dev.strata.agent.domain.schedule.Schedule;
import dev.strata.agent.domain.schedule.Schedules;
import dev.strata.kernel.error.DomainException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link Schedules} on {@code agent.schedules}. The poller's columns ({@code next_tick}, {@code last_tick},
 * {@code last_execution_id}) are written by {@link #advance} only: a client's update keeps the stored next tick unless
 * its cron or zone changed or it enables the schedule again, so an edit that read the schedule before a tick moved it
 * on does not move it back.
 */
public class PostgresSchedules extends PostgresRepository<Schedule> implements Schedules {

  private static final String COLUMNS = "id, version, workflow_id, cron, time_zone, input::text AS input, missed_ticks, enabled, "
      + "next_tick, last_tick, last_execution_id, created_at, updated_at";

  private static final String UPDATE = """
      UPDATE agent.schedules SET input = CAST($5::text AS jsonb), missed_ticks = $6, updated_at = $8,
        next_tick = CASE WHEN cron = $3 AND time_zone = $4 AND (enabled OR NOT $7) THEN next_tick ELSE $9 END,
        cron = $3, time_zone = $4, enabled = $7, version = version + 1
      WHERE id = $1 AND version = $2
      RETURNING %s""".formatted(COLUMNS);

  private static final String ADVANCE = """
      UPDATE agent.schedules SET next_tick = $3, last_tick = COALESCE($4, last_tick), last_execution_id = COALESCE($5, last_execution_id)
      WHERE id = $1 AND next_tick = $2""";

  public PostgresSchedules() {
    super("agent.schedules", "schedule",
        List.of(of("workflow_id", Schedule::workflowId), of("cron", s -> s.settings().cron().text()),
            of("time_zone", s -> s.settings().zone().getId()), json("input", s -> s.settings().input()),
            of("missed_ticks", s -> s.settings().missedTicks().wireName()), of("enabled", s -> s.settings().enabled()),
            time("next_tick", Schedule::nextTick), time("last_tick", Schedule::lastTick), of("last_execution_id", Schedule::lastExecutionId),
            time("created_at", Schedule::createdAt), time("updated_at", Schedule::updatedAt)),
        Map.of("workflowId", new Filter("workflow_id", UUID::fromString)),
        Map.of("createdAt", "created_at", "nextTick", "next_tick"),
        null);
  }

  @Override
  public CompletionStage<List<Schedule>> due(Instant now, int limit) {
    return Sql.all("SELECT " + COLUMNS + " FROM agent.schedules WHERE enabled AND next_tick <= $1 ORDER BY next_tick, id LIMIT $2",
        Tuple.of(Sql.time(now), limit), this::toDomain);
  }

  @Override
  public CompletionStage<Boolean> advance(UUID id, Instant expected, Instant next, Instant ranTick, UUID executionId) {
    Tuple row = Tuple.tuple().addValue(id).addValue(Sql.time(expected)).addValue(Sql.time(next)).addValue(Sql.time(ranTick)).addValue(executionId);
    return Sql.run(ADVANCE, row)
        .thenApply(moved -> moved.rowCount() == 1);
  }

  @Override
  public CompletionStage<Schedule> update(Schedule s) {
    Schedule.Settings settings = s.settings();
    Tuple row = Tuple.tuple().addValue(s.id()).addLong(s.version()).addValue(settings.cron().text()).addValue(settings.zone().getId())
        .addValue(Sql.json(settings.input())).addValue(settings.missedTicks().wireName()).addBoolean(settings.enabled())
        .addValue(Sql.time(s.updatedAt())).addValue(Sql.time(s.nextTick()));
    return Sql.one(UPDATE, row, this::toDomain).thenCompose(updated -> updated
        .<CompletionStage<Schedule>>map(CompletableFuture::completedFuture)
        .orElseGet(() -> get(s.id()).thenApply(current -> {
          throw current.<RuntimeException>map(c -> new DomainException.Conflict("version " + s.version() + " is stale; current is " + c.version()))
              .orElseGet(() -> new DomainException.NotFound("schedule " + s.id() + " not found"));
        })));
  }

  @Override
  protected Schedule toDomain(Row row) {
    // every stored value was checked when it was written
    Schedule.Settings settings = new Schedule.Settings(Cron.parse(row.getString("cron"), Instant.EPOCH), ZoneId.of(row.getString("time_zone")),
        Sql.object(row.getString("input")), MissedTicks.of(row.getString("missed_ticks")), row.getBoolean("enabled"));
    return new Schedule(row.getUUID("id"), row.getUUID("workflow_id"), settings, Sql.instant(row, "next_tick"), Sql.instant(row, "last_tick"),
        row.getUUID("last_execution_id"), row.getLong("version"), Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
  }

  @Override
  protected UUID idOf(Schedule s) {
    return s.id();
  }

  @Override
  protected long versionOf(Schedule s) {
    return s.version();
  }
}
