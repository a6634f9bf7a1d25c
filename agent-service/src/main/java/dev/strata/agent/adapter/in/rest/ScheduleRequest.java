package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.domain.schedule.Cron;
import dev.strata.agent.domain.schedule.MissedTicks;
import dev.strata.agent.domain.schedule.Schedule;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/**
 * Body of {@code POST /workflows/{id}/schedules} and {@code PUT /workflows/{id}/schedules/{scheduleId}}: a Unix cron
 * expression read in {@code timeZone} (default UTC), the input of every execution it starts, what to do about ticks
 * missed while nothing could start them ({@code skip}, the default, or {@code run-once}), and whether it ticks
 * (default true). An update sends the {@code version} it read.
 */
public record ScheduleRequest(
    @NotBlank @Size(max = Cron.MAX_LENGTH) String cron,
    @Size(max = 64) String timeZone,
    Map<String, Object> input,
    @Size(max = 16) String missedTicks,
    Boolean enabled,
    @PositiveOrZero Long version) {

  Schedule.Settings settings(Instant now) {
    return new Schedule.Settings(Cron.parse(cron, now), Schedule.Settings.zone(timeZone == null ? "UTC" : timeZone), input,
        missedTicks == null ? MissedTicks.SKIP : MissedTicks.of(missedTicks), enabled == null || enabled);
  }
}
