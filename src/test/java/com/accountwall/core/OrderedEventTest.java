package com.accountwall.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link AccountListener#accountOrdered} tells of orders only, each with its widgets and its own
 * time: not of accounts put back, corrected or ended.
 */
class OrderedEventTest {
  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void ordersAreToldWithTheirWidgetsAndTimeAndNothingElseIs() {
    MutableClock clock = new MutableClock(START);
    AccountSupervisor supervisor = AccountSupervisor.builder().clock(clock).build();
    List<String> heard = new CopyOnWriteArrayList<>();
    supervisor.addListener(
        new AccountListener() {
          @Override
          public void accountOrdered(Account account, long quantity, long atMillis) {
            heard.add(account.id() + ":" + quantity + "@" + Instant.ofEpochMilli(atMillis));
          }
        });

    supervisor.order(1, 3); // creates
    clock.advance(Duration.ofSeconds(1));
    supervisor.order(1, 2); // adds
    supervisor.orderAt(2, 5, START.minusSeconds(60).toEpochMilli()); // from a log, its own time
    supervisor.findOrCreate(3);
    supervisor.create(4);
    supervisor.findOrCreate(3); // live already: no order
    supervisor.restore(9, 40, START);
    supervisor.correct(1, 10, START.plusSeconds(1));
    supervisor.end(2);

    assertEquals(
        List.of(
            "1:3@2026-11-23T09:00:00Z",
            "1:2@2026-11-23T09:00:01Z",
            "2:5@2026-11-23T08:59:00Z",
            "3:1@2026-11-23T09:00:01Z",
            "4:1@2026-11-23T09:00:01Z"),
        heard);
  }
}
