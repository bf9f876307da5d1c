package com.accountwall.ui.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
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
}
