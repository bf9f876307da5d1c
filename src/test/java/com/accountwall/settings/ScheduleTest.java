package com.accountwall.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schedule's grammar and its rule: whether the wall is awake at a time, and when that next
 * changes, on weekdays, across midnight, over several entries and on the days Berlin's clocks
 * change. 2026-11-23 is a Monday.
 */
class ScheduleTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-11-23T06:59 | false", // Monday, a minute early
        "2026-11-23T07:00 | true", // the start is in
        "2026-11-23T12:00 | true",
        "2026-11-23T18:59 | true",
        "2026-11-23T19:00 | false", // the end is out
        "2026-11-27T18:59 | true", // Friday
        "2026-11-28T12:00 | false", // Saturday
        "2026-11-29T12:00 | false" // Sunday
      })
  void weekdaysByDay(String time, boolean on) {
    assertEquals(on, Schedule.parse("Mon-Fri 07:00-19:00").isOn(LocalDateTime.parse(time)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-11-27T21:59 | false", // Friday evening
        "2026-11-27T22:00 | true",
        "2026-11-27T23:59 | true",
        "2026-11-28T00:00 | true", // into Saturday
        "2026-11-28T05:59 | true",
        "2026-11-28T06:00 | false",
        "2026-11-28T22:00 | false", // Saturday's own night is not Friday's
        "2026-11-27T03:00 | false" // Friday morning belongs to Thursday night
      })
  void aRangeThatEndsBeforeItStartsRunsIntoTheNextDay(String time, boolean on) {
    assertEquals(on, Schedule.parse("Fri 22:00-06:00").isOn(LocalDateTime.parse(time)));
  }

  @Test
  void severalEntriesAndListsOfDays() {
    Schedule schedule = Schedule.parse("Mon,Wed,Fri 07:00-19:00, Sat 09:00-13:00,sun 10:00-24:00");

    assertTrue(schedule.isOn(LocalDateTime.parse("2026-11-23T08:00"))); // Monday
    assertFalse(schedule.isOn(LocalDateTime.parse("2026-11-24T08:00"))); // Tuesday
    assertTrue(schedule.isOn(LocalDateTime.parse("2026-11-25T08:00"))); // Wednesday
    assertFalse(schedule.isOn(LocalDateTime.parse("2026-11-28T08:59"))); // Saturday
    assertTrue(schedule.isOn(LocalDateTime.parse("2026-11-28T09:00")));
    assertFalse(schedule.isOn(LocalDateTime.parse("2026-11-28T13:00")));
    assertTrue(schedule.isOn(LocalDateTime.parse("2026-11-29T23:59"))); // Sunday until midnight
    assertFalse(schedule.isOn(LocalDateTime.parse("2026-11-30T00:00")));
    assertEquals("Mon,Wed,Fri 07:00-19:00, Sat 09:00-13:00,sun 10:00-24:00", schedule.toString());
  }

  @Test
  void aDayRangeMayWrapOverTheWeekendAndDailyIsEveryDay() {
    Schedule weekend = Schedule.parse("Fri-Mon 10:00-11:00");
    Schedule daily = Schedule.parse("DAILY 10:00-11:00");
    for (int day = 23; day <= 29; day++) {
      LocalDateTime at = LocalDateTime.parse("2026-11-%02dT10:30".formatted(day));
      assertEquals(day == 23 || day >= 27, weekend.isOn(at), at.toString());
      assertTrue(daily.isOn(at), at.toString());
    }
  }

  @Test
  void emptyIsAlwaysOnAndNeverChanges() {
    assertEquals(Schedule.ALWAYS, Schedule.parse(""));
    assertEquals(Schedule.ALWAYS, Schedule.parse("  "));
    assertEquals(Schedule.ALWAYS, Schedule.parse(null));
    assertTrue(Schedule.ALWAYS.isAlways());
    assertTrue(Schedule.ALWAYS.isOn(Instant.EPOCH, BERLIN));
    assertEquals(Optional.empty(), Schedule.ALWAYS.nextChange(Instant.EPOCH, BERLIN));
    assertEquals(
        Optional.empty(),
        Schedule.parse("daily 00:00-24:00").nextChange(Instant.EPOCH, BERLIN),
        "a whole day every day never changes");
  }

  @Test
  void nextChangeIsTheNextStartOrEnd() {
    Schedule schedule = Schedule.parse("Mon-Fri 07:00-19:00");

    assertEquals(
        Optional.of(berlin("2026-11-23T07:00")),
        schedule.nextChange(berlin("2026-11-23T03:00"), BERLIN));
    assertEquals(
        Optional.of(berlin("2026-11-23T19:00")),
        schedule.nextChange(berlin("2026-11-23T07:00"), BERLIN),
        "at its start, the next change is its end");
    assertEquals(
        Optional.of(berlin("2026-11-30T07:00")),
        schedule.nextChange(berlin("2026-11-27T19:00"), BERLIN),
        "from Friday evening over the weekend to Monday");
  }

  @Test
  void nextChangeSkipsABoundaryWhereAnotherEntryKeepsItAwake() {
    Schedule schedule = Schedule.parse("daily 07:00-19:00, daily 18:00-22:00");

    assertEquals(
        Optional.of(berlin("2026-11-23T22:00")),
        schedule.nextChange(berlin("2026-11-23T12:00"), BERLIN));
  }

  @Test
  void inUtcTheNightCrossesMidnight() {
    Schedule schedule = Schedule.parse("daily 22:00-06:00");
    Instant evening = Instant.parse("2026-11-23T21:00:00Z");

    assertFalse(schedule.isOn(evening, ZoneOffset.UTC));
    assertEquals(
        Optional.of(Instant.parse("2026-11-23T22:00:00Z")),
        schedule.nextChange(evening, ZoneOffset.UTC));
    assertEquals(
        Optional.of(Instant.parse("2026-11-24T06:00:00Z")),
        schedule.nextChange(Instant.parse("2026-11-23T22:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void onTheNightBerlinsClocksGoForwardTheNightIsAnHourShorter() {
    // 2026-03-29: 02:00 CET becomes 03:00 CEST (01:00 UTC).
    Schedule schedule = Schedule.parse("daily 07:00-22:00");
    Instant sleeps = berlin("2026-03-28T22:00");

    Instant wakes = schedule.nextChange(sleeps, BERLIN).orElseThrow();

    assertEquals(Instant.parse("2026-03-29T05:00:00Z"), wakes, "07:00 CEST");
    assertEquals(Duration.ofHours(8), Duration.between(sleeps, wakes));
    assertFalse(schedule.isOn(wakes.minusSeconds(1), BERLIN));
    assertTrue(schedule.isOn(wakes, BERLIN));
  }

  @Test
  void aStartTheClocksSkipTakesEffectWhenTheyJumpPastIt() {
    Schedule schedule = Schedule.parse("Sun 02:30-05:00");
    Instant before = Instant.parse("2026-03-29T00:59:00Z"); // 01:59 CET

    assertFalse(schedule.isOn(before, BERLIN));
    assertEquals(
        Optional.of(Instant.parse("2026-03-29T01:00:00Z")), // 03:00 CEST
        schedule.nextChange(before, BERLIN));
    assertTrue(schedule.isOn(Instant.parse("2026-03-29T01:00:00Z"), BERLIN));
    assertEquals(
        Optional.of(Instant.parse("2026-03-29T03:00:00Z")), // 05:00 CEST
        schedule.nextChange(Instant.parse("2026-03-29T01:00:00Z"), BERLIN));
  }

  @Test
  void onTheNightBerlinsClocksGoBackTheNightIsAnHourLonger() {
    // 2026-10-25: 03:00 CEST becomes 02:00 CET (01:00 UTC).
    Schedule schedule = Schedule.parse("daily 07:00-22:00");
    Instant sleeps = berlin("2026-10-24T22:00");

    Instant wakes = schedule.nextChange(sleeps, BERLIN).orElseThrow();

    assertEquals(Instant.parse("2026-10-25T06:00:00Z"), wakes, "07:00 CET");
    assertEquals(Duration.ofHours(10), Duration.between(sleeps, wakes));
    assertEquals(
        Optional.of(Instant.parse("2026-10-25T21:00:00Z")),
        schedule.nextChange(wakes, BERLIN),
        "22:00 CET");
  }

  @Test
  void aNightShiftAcrossTheChangeOfClocksEndsOnTheClockFace() {
    Schedule schedule = Schedule.parse("Sat 22:00-06:00");

    assertTrue(schedule.isOn(Instant.parse("2026-10-25T01:30:00Z"), BERLIN)); // 02:30 CET
    assertEquals(
        Optional.of(Instant.parse("2026-10-25T05:00:00Z")), // 06:00 CET: nine hours after start
        schedule.nextChange(berlin("2026-10-24T22:00"), BERLIN));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Mon-Fry 07:00-19:00 | 'Fry' in 'Mon-Fry 07:00-19:00' is not a day; write Mon to Sun, a"
            + " range like Mon-Fri, a list like Mon,Wed,Fri or daily",
        "Mon-Fri | 'Mon-Fri' is not DAYS HH:MM-HH:MM; write entries like Mon-Fri 07:00-19:00, Sat"
            + " 09:00-13:00",
        "07:00-19:00 | '07:00-19:00' is not DAYS HH:MM-HH:MM; write entries like Mon-Fri"
            + " 07:00-19:00, Sat 09:00-13:00",
        "Mon-Fri 7-19 | '7' in 'Mon-Fri 7-19' is not a time of day; write 00:00 to 23:59",
        "Mon-Fri 07:00-25:00 | '25:00' in 'Mon-Fri 07:00-25:00' is not a time of day; write 00:00"
            + " to 23:59, or 24:00 for midnight",
        "Mon 24:00-06:00 | '24:00' in 'Mon 24:00-06:00' is not a time of day; write 00:00 to 23:59",
        "Mon 07:60-08:00 | '07:60' in 'Mon 07:60-08:00' is not a time of day; write 00:00 to 23:59",
        "Mon 07:00-07:00 | 'Mon 07:00-07:00' starts and ends at the same time; for a whole day"
            + " write 00:00-24:00",
        "'Mon 07:00-19:00,' | an entry is empty; write entries like Mon-Fri 07:00-19:00, Sat"
            + " 09:00-13:00",
        "'Mon,,Fri 07:00-19:00' | '' in 'Mon,,Fri 07:00-19:00' is not a day; write Mon to Sun, a"
            + " range like Mon-Fri, a list like Mon,Wed,Fri or daily",
        "Mon-Wed-Fri 07:00-19:00 | 'Mon-Wed-Fri' in 'Mon-Wed-Fri 07:00-19:00' is not a day; write"
            + " Mon to Sun, a range like Mon-Fri, a list like Mon,Wed,Fri or daily"
      })
  void refusesWhatItCannotReadInOneLine(String text, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse(text));

    assertEquals(message, e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Mon-Fri 07:00-19:00",
        "mon-fri 7:00 - 19:00",
        "Monday-Friday 07:00-19:00",
        "daily 22:00-06:00",
        "Sat 00:00-24:00",
        "Mon,Wed,Fri 07:00-19:00,Sat 09:00-13:00"
      })
  void readsWhatTheGrammarAllows(String text) {
    Schedule.parse(text);
  }

  private static Instant berlin(String localTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localTime), BERLIN).toInstant();
  }
}
