package dev.strata.agent.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.kernel.error.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tick arithmetic of a schedule on fixed instants: cron in a time zone across DST, due ticks and the missed-tick policies. */
class ScheduleTicksTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Duration GRACE = Duration.ofMinutes(1);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2031-01-06T10:00:00Z"), ZoneOffset.UTC);

  private static Schedule schedule(String cron, ZoneId zone, MissedTicks policy, Instant now) {
    return Schedule.create(UUID.randomUUID(), new Schedule.Settings(Cron.parse(cron, now), zone, Map.of("k", "v"), policy, true), now);
  }

  /** The first {@code n} ticks after {@code from}, as a schedule created then would take them. */
  private static List<Instant> ticks(String cron, ZoneId zone, Instant from, int n) {
    Schedule s = schedule(cron, zone, MissedTicks.SKIP, from);
    List<Instant> ticks = new ArrayList<>();
    for (Instant tick = s.nextTick(); ticks.size() < n; tick = s.due(tick, GRACE).orElseThrow().next()) {
      ticks.add(tick);
    }
    return ticks;
  }

  @Test
  void nineOClockInParisStaysNineOClockLocalAcrossBothDaylightSavingChanges() {
    // summer time begins on 2026-03-29: 09:00 Paris is 08:00Z before, 07:00Z after
    assertThat(ticks("0 9 * * *", PARIS, Instant.parse("2026-03-27T00:00:00Z"), 4)).containsExactly(
        Instant.parse("2026-03-27T08:00:00Z"), Instant.parse("2026-03-28T08:00:00Z"),
        Instant.parse("2026-03-29T07:00:00Z"), Instant.parse("2026-03-30T07:00:00Z"));
    // and ends on 2026-10-25
    assertThat(ticks("0 9 * * *", PARIS, Instant.parse("2026-10-23T12:00:00Z"), 3)).containsExactly(
        Instant.parse("2026-10-24T07:00:00Z"), Instant.parse("2026-10-25T08:00:00Z"), Instant.parse("2026-10-26T08:00:00Z"));
    // the same expression in UTC does not move
    assertThat(ticks("0 9 * * *", UTC, Instant.parse("2026-03-28T00:00:00Z"), 2)).containsExactly(
        Instant.parse("2026-03-28T09:00:00Z"), Instant.parse("2026-03-29T09:00:00Z"));
  }

  @Test
  void aWallClockTimeTheChangeSkipsIsNoTickAndOneItRepeatsTicksOnce() {
    // 02:30 does not exist in Paris on 2026-03-29
    assertThat(ticks("30 2 * * *", PARIS, Instant.parse("2026-03-28T00:00:00Z"), 2)).containsExactly(
        Instant.parse("2026-03-28T01:30:00Z"), Instant.parse("2026-03-30T00:30:00Z"));
    // 02:30 happens twice on 2026-10-25 (at 00:30Z and 01:30Z): one tick, the first
    assertThat(ticks("30 2 * * *", PARIS, Instant.parse("2026-10-24T12:00:00Z"), 2)).containsExactly(
        Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-26T01:30:00Z"));
    // an hourly schedule ticks in both 02:00 hours: its ticks stay an hour apart
    assertThat(ticks("0 * * * *", PARIS, Instant.parse("2026-10-24T23:30:00Z"), 4)).containsExactly(
        Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T01:00:00Z"),
        Instant.parse("2026-10-25T02:00:00Z"), Instant.parse("2026-10-25T03:00:00Z"));
  }

  @Test
  void aTickFoundWithinTheGraceRunsAndTheScheduleGoesOnToTheNext() {
    Schedule daily = schedule("0 9 * * *", PARIS, MissedTicks.SKIP, CLOCK.instant());
    Instant tick = Instant.parse("2031-01-07T08:00:00Z");
    assertThat(daily.nextTick()).isEqualTo(tick);
    assertThat(daily.due(tick.minusSeconds(1), GRACE)).isEmpty();

    Catchup onTime = daily.due(tick.plusSeconds(5), GRACE).orElseThrow();
    assertThat(onTime.run()).contains(tick);
    assertThat(onTime.skipped()).isZero();
    assertThat(onTime.next()).isEqualTo(Instant.parse("2031-01-08T08:00:00Z"));
    assertThat(daily.due(tick.plus(GRACE), GRACE).orElseThrow().run()).contains(tick);
  }

  @Test
  void skipStartsNothingForMissedTicksAndGoesOnWithTheNextToCome() {
    Schedule hourly = schedule("0 * * * *", UTC, MissedTicks.SKIP, CLOCK.instant());
    Instant first = Instant.parse("2031-01-06T11:00:00Z");
    // down from before 11:00 until 14:10: 11, 12, 13 and 14 o'clock were missed
    Catchup after = hourly.due(Instant.parse("2031-01-06T14:10:00Z"), GRACE).orElseThrow();
    assertThat(hourly.nextTick()).isEqualTo(first);
    assertThat(after.run()).isEmpty();
    assertThat(after.skipped()).isEqualTo(4);
    assertThat(after.next()).isEqualTo(Instant.parse("2031-01-06T15:00:00Z"));
  }

  @Test
  void runOnceStartsTheLatestMissedTickForAllOfThemAndGoesOn() {
    Schedule hourly = schedule("0 * * * *", UTC, MissedTicks.RUN_ONCE, CLOCK.instant());
    Catchup after = hourly.due(Instant.parse("2031-01-06T14:10:00Z"), GRACE).orElseThrow();
    assertThat(after.run()).contains(Instant.parse("2031-01-06T14:00:00Z"));
    assertThat(after.skipped()).isEqualTo(3);
    assertThat(after.next()).isEqualTo(Instant.parse("2031-01-06T15:00:00Z"));
  }

  @Test
  void whenTheLatestDueTickIsOnTimeItRunsUnderSkipTooAndOnlyTheEarlierOnesAreSkipped() {
    Schedule hourly = schedule("0 * * * *", UTC, MissedTicks.SKIP, CLOCK.instant());
    Catchup after = hourly.due(Instant.parse("2031-01-06T14:00:30Z"), GRACE).orElseThrow();
    assertThat(after.run()).contains(Instant.parse("2031-01-06T14:00:00Z"));
    assertThat(after.skipped()).isEqualTo(3);
  }

  @Test
  void aYearDownOfAMinutelyScheduleFindsTheLatestTickWithoutWalkingEveryMinute() {
    Schedule minutely = schedule("* * * * *", UTC, MissedTicks.RUN_ONCE, CLOCK.instant());
    Instant later = Instant.parse("2032-01-06T10:00:42Z");
    Catchup after = minutely.due(later, GRACE).orElseThrow();
    assertThat(after.run()).contains(Instant.parse("2032-01-06T10:00:00Z"));
    assertThat(after.next()).isEqualTo(Instant.parse("2032-01-06T10:01:00Z"));
    assertThat(after.skipped()).isEqualTo(Ticks.COUNTED - 1);
    Catchup skipped = schedule("* * * * *", UTC, MissedTicks.SKIP, CLOCK.instant()).due(later, GRACE).orElseThrow();
    assertThat(skipped.run()).contains(Instant.parse("2032-01-06T10:00:00Z"));
  }

  @Test
  void aDisabledScheduleIsNeverDue() {
    Schedule hourly = schedule("0 * * * *", UTC, MissedTicks.RUN_ONCE, CLOCK.instant());
    Schedule off = hourly.revise(new Schedule.Settings(hourly.settings().cron(), UTC, Map.of(), MissedTicks.RUN_ONCE, false), 0,
        CLOCK.instant());
    assertThat(off.due(Instant.parse("2031-02-01T00:00:00Z"), GRACE)).isEmpty();
    assertThat(hourly.due(Instant.parse("2031-02-01T00:00:00Z"), GRACE)).isPresent();
  }

  @Test
  void anEditKeepsTheNextTickUnlessTheTicksChangeOrTheScheduleIsEnabledAgain() {
    Instant created = CLOCK.instant();
    Schedule hourly = schedule("0 * * * *", UTC, MissedTicks.SKIP, created);
    Instant later = created.plus(Duration.ofDays(2));
    var sameTicks = new Schedule.Settings(hourly.settings().cron(), UTC, Map.of("other", 1), MissedTicks.RUN_ONCE, true);
    assertThat(hourly.revise(sameTicks, 0, later).nextTick()).isEqualTo(hourly.nextTick());

    var otherCron = new Schedule.Settings(Cron.parse("30 * * * *", later), UTC, Map.of(), MissedTicks.SKIP, true);
    assertThat(hourly.revise(otherCron, 0, later).nextTick()).isEqualTo(Instant.parse("2031-01-08T10:30:00Z"));
    var otherZone = new Schedule.Settings(hourly.settings().cron(), PARIS, Map.of(), MissedTicks.SKIP, true);
    assertThat(hourly.revise(otherZone, 0, later).nextTick()).isEqualTo(Instant.parse("2031-01-08T11:00:00Z"));

    Schedule off = hourly.revise(new Schedule.Settings(hourly.settings().cron(), UTC, Map.of(), MissedTicks.SKIP, false), 0, created);
    assertThat(off.nextTick()).isEqualTo(hourly.nextTick());
    assertThat(off.revise(sameTicks, 1, later).nextTick()).isEqualTo(Instant.parse("2031-01-08T11:00:00Z"));
  }

  @Test
  void theIdempotencyKeyNamesTheScheduleAndTheTick() {
    Schedule a = schedule("0 * * * *", UTC, MissedTicks.SKIP, CLOCK.instant());
    Schedule b = schedule("0 * * * *", UTC, MissedTicks.SKIP, CLOCK.instant());
    Instant tick = a.nextTick();
    assertThat(a.idempotencyKey(tick)).isEqualTo(a.idempotencyKey(Instant.parse(tick.toString())))
        .startsWith(Schedule.KEY_PREFIX).hasSizeLessThanOrEqualTo(200)
        .isNotEqualTo(a.idempotencyKey(tick.plusSeconds(3600))).isNotEqualTo(b.idempotencyKey(tick));
  }

  @ParameterizedTest
  @ValueSource(strings = {"* * * * * *", "61 * * * *", "0 25 * * *", "@daily", "0 9 ? * *", "0 0 30 2 *", "tomorrow", " "})
  void anythingButAUnixCronThatTicksIsInvalid(String cron) {
    assertThatThrownBy(() -> Cron.parse(cron, CLOCK.instant())).isInstanceOf(DomainException.Invalid.class);
  }

  @Test
  void namesAndBlanksAreReadAsCrontabDoes() {
    assertThat(Cron.parse("  0 9   * * MON-FRI ", CLOCK.instant()).text()).isEqualTo("0 9 * * MON-FRI");
    // 2031-01-06 is a Monday, 2031-01-11 a Saturday
    assertThat(ticks("0 9 * * MON-FRI", UTC, Instant.parse("2031-01-09T12:00:00Z"), 2)).containsExactly(
        Instant.parse("2031-01-10T09:00:00Z"), Instant.parse("2031-01-13T09:00:00Z"));
    assertThatThrownBy(() -> Cron.parse("0".repeat(Cron.MAX_LENGTH + 1), CLOCK.instant())).isInstanceOf(DomainException.Invalid.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Mars/Olympus", "+02:00", "CET+1", "europe/paris", ""})
  void aTimeZoneMustBeAnIanaName(String zone) {
    assertThatThrownBy(() -> Schedule.Settings.zone(zone)).isInstanceOf(DomainException.Invalid.class);
  }

  @Test
  void ianaNamesAreTimeZones() {
    assertThat(Schedule.Settings.zone("Europe/Paris")).isEqualTo(PARIS);
    assertThat(Schedule.Settings.zone("UTC")).isEqualTo(UTC);
    assertThat(Schedule.Settings.zone("America/New_York")).isEqualTo(ZoneId.of("America/New_York"));
  }
}
