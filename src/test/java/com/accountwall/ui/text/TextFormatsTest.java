package com.accountwall.ui.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the window writes times. */
class TextFormatsTest {

  @ParameterizedTest
  @CsvSource({
    "PT30S, 0:30",
    "PT0S, 0:00",
    "PT-5S, 0:00",
    "PT9M5S, 9:05",
    "PT1H, 1:00:00",
    "PT23H59M59.9S, 23:59:59"
  })
  void timeLeft(String left, String shown) {
    assertEquals(shown, Durations.countdown(Duration.parse(left)));
  }

  @ParameterizedTest
  @CsvSource({"PT30S, 30 s", "PT2M, 2 min", "PT24H, 24 h", "PT1H30M, 1 h 30 min", "PT48H, 48 h"})
  void lifetimes(String lifetime, String shown) {
    assertEquals(shown, Durations.describe(Duration.parse(lifetime)));
  }

  @ParameterizedTest
  @CsvSource({
    "2026-11-23T14:02:59Z, 14:02",
    "2026-11-23T00:00:00Z, 00:00",
    "2026-11-22T23:59:00Z, Sun 22 Nov 23:59",
    "2025-11-23T14:02:00Z, Sun 23 Nov 14:02"
  })
  void timesOfDaySayTheDayWhenItIsNotToday(String then, String shown) {
    assertEquals(
        shown,
        TimesOfDay.of(Instant.parse(then), Instant.parse("2026-11-23T18:00:00Z"), ZoneOffset.UTC));
  }
}
