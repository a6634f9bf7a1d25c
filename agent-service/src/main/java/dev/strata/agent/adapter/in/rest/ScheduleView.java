package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.domain.schedule.Schedule;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A schedule as the API shows it: {@code nextTick} is the first tick not yet handled (an instant, UTC), {@code
 * nextTickLocal} the same in the schedule's zone; {@code lastTick} and {@code lastExecutionId} the latest tick that
 * started an execution.
 */
public record ScheduleView(
    UUID id, UUID workflowId, String cron, String timeZone, Map<String, Object> input, String missedTicks, boolean enabled,
    Instant nextTick, OffsetDateTime nextTickLocal, Instant lastTick, UUID lastExecutionId, long version, Instant createdAt,
    Instant updatedAt) {

  static ScheduleView of(Schedule s) {
    var settings = s.settings();
    return new ScheduleView(s.id(), s.workflowId(), settings.cron().text(), settings.zone().getId(), settings.input(),
        settings.missedTicks().wireName(), settings.enabled(), s.nextTick(), s.nextTick().atZone(settings.zone()).toOffsetDateTime(),
        s.lastTick(), s.lastExecutionId(), s.version(), s.createdAt(), s.updatedAt());
  }
}
