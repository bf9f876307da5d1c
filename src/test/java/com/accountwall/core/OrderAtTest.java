package com.accountwall.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Orders applied with their own time, as a wall applies them from a shared log. */
class OrderAtTest {
  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
  private static final Duration LIFETIME = Duration.ofHours(1);

  private final MutableClock clock = new MutableClock(START);
  private final AccountSupervisor supervisor =
      AccountSupervisor.builder().clock(clock).lifetime(LIFETIME).build();
  private final RecordingListener recorder = new RecordingListener();

  OrderAtTest() {
    supervisor.addListener(recorder);
  }

  private long at(Duration sinceStart) {
    return START.plus(sinceStart).toEpochMilli();
  }

  @Test
  void theOrdersTimeNotTheClockSetsTheDeadline() {
    clock.advance(Duration.ofMinutes(5)); // read late: makes no difference
    supervisor.orderAt(7, 2, at(Duration.ZERO));
    Account account = supervisor.orderAt(7, 3, at(Duration.ofMinutes(2)));

    assertEquals(5, account.widgetsOrdered());
    assertEquals(START.plus(Duration.ofMinutes(2)).plus(LIFETIME), account.expiresAt());
    assertEquals(5, supervisor.totalWidgetsOrdered());
  }

  @Test
  void anEarlierOrderAddsWithoutMovingTheDeadlineBack() {
    supervisor.orderAt(7, 1, at(Duration.ofMinutes(10)));
    Account account = supervisor.orderAt(7, 1, at(Duration.ofMinutes(9)));

    assertEquals(2, account.widgetsOrdered());
    assertEquals(START.plus(Duration.ofMinutes(10)).plus(LIFETIME), account.expiresAt());
  }

  @Test
  void anOrderMadeAtOrAfterTheDeadlineStartsANewAccountWhetherOrNotExpiryHasRun() {
    Account first = supervisor.orderAt(7, 4, at(Duration.ZERO));
    Account second = supervisor.orderAt(7, 1, at(LIFETIME));

    assertNotSame(first, second);
    assertTrue(first.isEnded());
    assertEquals(1, second.widgetsOrdered());
    assertEquals(1, supervisor.totalWidgetsOrdered());
    assertEquals(List.of("created 7", "ended 7", "created 7"), recorder.events);
  }

  @Test
  void justBeforeTheDeadlineItStillAdds() {
    Account first = supervisor.orderAt(7, 4, at(Duration.ZERO));

    assertSame(first, supervisor.orderAt(7, 1, at(LIFETIME.minusMillis(1))));
    assertEquals(5, first.widgetsOrdered());
  }

  @Test
  void badInputChangesNothing() {
    assertThrows(IllegalArgumentException.class, () -> supervisor.orderAt(0, 1, at(Duration.ZERO)));
    assertThrows(IllegalArgumentException.class, () -> supervisor.orderAt(7, 0, at(Duration.ZERO)));
    assertEquals(0, supervisor.count());
  }
}
