package com.accountwall.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CoarseClockTest {

  @Test
  void tellsTheSystemTimeInUtc() {
    try (CoarseClock clock = new CoarseClock()) {
      long before = System.currentTimeMillis();
      long coarse = clock.millis();
      long after = System.currentTimeMillis();

      // Refreshed every millisecond, so at most a scheduling hiccup behind; never ahead.
      assertTrue(coarse <= after, "not ahead of the system clock");
      assertTrue(coarse >= before - 1_000, "not far behind it");
      assertEquals(clock.millis() / 1000, clock.instant().getEpochSecond(), 1);
      assertEquals(ZoneOffset.UTC, clock.getZone());
    }
  }
}
