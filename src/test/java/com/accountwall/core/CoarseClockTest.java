package com.accountwall.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.Await;
import java.time.Duration;
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

  @Test
  void anUnreadClockSleepsAndAReadTellsTheTimeAtOnceAndWakesIt() throws InterruptedException {
    try (CoarseClock clock = new CoarseClock()) {
      Await.until(clock::isSleeping, Duration.ofSeconds(10), () -> "the refresher asleep");

      long before = System.currentTimeMillis();
      long read = clock.millis();
      long after = System.currentTimeMillis();
      assertTrue(before <= read && read <= after, "the system clock's time: " + read);

      // Read on, as a busy wall does, until the refresher is seen awake (a read keeps it so), and
      // a while after: the time never goes back.
      long last = read;
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      int readsAwake = 0;
      while (readsAwake < 1_000_000) {
        assertTrue(System.nanoTime() < deadline, "the refresher woke within 10 s of reads");
        long now = clock.millis();
        assertTrue(now >= last, "backwards from " + last + " to " + now);
        last = now;
        if (readsAwake > 0 || !clock.isSleeping()) {
          readsAwake++;
        }
      }
      assertTrue(last <= System.currentTimeMillis(), "not ahead of the system clock");
    }
  }
}
