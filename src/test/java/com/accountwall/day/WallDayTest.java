package com.accountwall.day;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The wall's day: its start in a zone with a shift start, the day before and after, the end the
 * pace runs to, and the same time yesterday, on plain days and on the 23 h and 25 h days of
 * Europe/Berlin.
 */
class WallDayTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final WallDay MIDNIGHTS = WallDay.midnights(BERLIN);
  private static final WallDay SIX = new WallDay(BERLIN, LocalTime.of(6, 0), LocalTime.of(6, 0));

  private static Instant berlin(String local) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(local), BERLIN).toInstant();
  }

  @ParameterizedTest
  @CsvSource({
    // now (Berlin),      day start (Berlin) with --day-starts 06:00
    "2026-11-23T05:59:59, 2026-11-22T06:00",
    "2026-11-23T06:00:00, 2026-11-23T06:00",
    "2026-11-23T23:59:59, 2026-11-23T06:00",
    "2026-11-24T00:00:00, 2026-11-23T06:00",
  })
  void aDayWithAShiftStartBeginsAtTheLatestShiftStart(String now, String start) {
    assertEquals(berlin(start), SIX.startOf(berlin(now)));
  }

  @Test
  void aMidnightDayBeginsAtMidnightInTheZoneNotInUtc() {
    Instant now = Instant.parse("2026-11-23T23:30:00Z"); // 00:30 on the 24th in Berlin
    assertEquals(Instant.parse("2026-11-23T23:00:00Z"), MIDNIGHTS.startOf(now));
    assertEquals(
        Instant.parse("2026-11-23T00:00:00Z"), WallDay.midnights(ZoneId.of("UTC")).startOf(now));
  }

  @Test
  void theSpringForwardDayIs23HoursAndTheFallBackDay25() {
    Instant spring = MIDNIGHTS.startOf(berlin("2026-03-29T12:00:00"));
    assertEquals(berlin("2026-03-29T00:00"), spring);
    assertEquals(Duration.ofHours(23), Duration.between(spring, MIDNIGHTS.nextStart(spring)));
    assertEquals(Duration.ofHours(23), Duration.between(spring, MIDNIGHTS.endOf(spring)));

    Instant autumn = MIDNIGHTS.startOf(berlin("2026-10-25T12:00:00"));
    assertEquals(Duration.ofHours(25), Duration.between(autumn, MIDNIGHTS.nextStart(autumn)));
    assertEquals(Duration.ofHours(24), Duration.between(MIDNIGHTS.previousStart(autumn), autumn));
    // With a 06:00 start the hour the clocks change in falls in the day before (Sat 06:00 on).
    Instant saturday = SIX.startOf(berlin("2026-10-25T04:00:00"));
    assertEquals(berlin("2026-10-24T06:00"), saturday);
    assertEquals(Duration.ofHours(25), Duration.between(saturday, SIX.nextStart(saturday)));
  }

  @Test
  void aDayStartTheClocksSkipIsTheMomentAfterTheGap() {
    WallDay half = new WallDay(BERLIN, LocalTime.of(2, 30), LocalTime.of(2, 30));
    // 02:30 does not exist on 29 March 2026 in Berlin: the day starts at 03:30 (shifted by the
    // gap).
    Instant start = half.startOf(berlin("2026-03-29T12:00:00"));
    assertEquals(berlin("2026-03-29T03:30"), start);
    // 03:10 is after the clocks jumped but before the shifted start: still the day before.
    assertEquals(berlin("2026-03-28T02:30"), half.startOf(berlin("2026-03-29T03:10:00")));
    assertEquals(berlin("2026-03-30T02:30"), half.nextStart(start));
    assertEquals(berlin("2026-03-28T02:30"), half.previousStart(start));
  }

  @Test
  void thePaceRunsToTheConfiguredEndOrTheNextDayStart() {
    WallDay shift = new WallDay(BERLIN, LocalTime.of(6, 0), LocalTime.of(18, 0));
    Instant start = berlin("2026-11-23T06:00");
    assertEquals(berlin("2026-11-23T18:00"), shift.endOf(start));
    assertEquals(berlin("2026-11-24T06:00"), SIX.endOf(start));
    // An end before the start (a night shift) is the next morning's.
    WallDay night = new WallDay(BERLIN, LocalTime.of(22, 0), LocalTime.of(6, 0));
    assertEquals(berlin("2026-11-24T06:00"), night.endOf(berlin("2026-11-23T22:00")));
  }

  @ParameterizedTest
  @CsvSource({
    // now (Berlin),       same time yesterday (Berlin), --day-starts 06:00
    "2026-11-23T14:02:30, 2026-11-22T14:02:30",
    "2026-11-23T06:00:00, 2026-11-22T06:00:00",
    "2026-11-24T05:00:00, 2026-11-23T05:00:00",
  })
  void yesterdayByThisTimeIsTheSameLocalTimeOneDayBefore(String now, String then) {
    assertEquals(berlin(then), SIX.sameTimeYesterday(berlin(now)));
  }

  @Test
  void yesterdayByThisTimeFollowsTheClockOnDaysTheyChange() {
    // On the 25 h day: 14:00 today against 14:00 yesterday, 25 h before.
    Instant now = berlin("2026-10-25T14:00:00");
    assertEquals(berlin("2026-10-24T14:00:00"), MIDNIGHTS.sameTimeYesterday(now));
    assertEquals(Duration.ofHours(25), Duration.between(MIDNIGHTS.sameTimeYesterday(now), now));
    // On the 23 h day, 14:00 yesterday is 23 h back.
    assertEquals(
        Duration.ofHours(23),
        Duration.between(
            MIDNIGHTS.sameTimeYesterday(berlin("2026-03-29T14:00:00")),
            berlin("2026-03-29T14:00:00")));
    // 02:30 did not exist yesterday (29 March): shifted by the gap to 03:30.
    assertEquals(
        berlin("2026-03-29T03:30:00"), MIDNIGHTS.sameTimeYesterday(berlin("2026-03-30T02:30:00")));
  }

  @Test
  void paceProjectsTheDayLinearly() {
    Instant start = berlin("2026-11-23T06:00");
    Instant end = berlin("2026-11-23T18:00");
    assertEquals(12_000, Pace.projected(3_000, start, berlin("2026-11-23T09:00"), end));
    assertEquals(12_400, Pace.projected(7_750, start, berlin("2026-11-23T13:30"), end));
    assertEquals(5, Pace.projected(5, start, start.plusSeconds(30), end), "no pace in minute one");
    assertEquals(0, Pace.projected(0, start, berlin("2026-11-23T09:00"), end));
    assertEquals(9_000, Pace.projected(9_000, start, berlin("2026-11-23T19:00"), end), "after end");
  }
}
