package com.accountwall.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountExpiryTest {
  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
  private static final Duration LIFETIME = Duration.ofHours(24);
  private static final Duration JUST_BEFORE = LIFETIME.minusMillis(1);

  private final MutableClock clock = new MutableClock(START);
  private final AccountSupervisor supervisor =
      AccountSupervisor.builder().clock(clock).lifetime(LIFETIME).build();
  private final RecordingListener recorder = new RecordingListener();

  AccountExpiryTest() {
    supervisor.addListener(recorder);
  }

  @Test
  void anAccountEndsAtItsDeadline() {
    supervisor.orderWidget(2);

    clock.advance(JUST_BEFORE);
    assertEquals(0, supervisor.expireDue());
    assertTrue(supervisor.exists(2));

    clock.advance(Duration.ofMillis(1));
    assertEquals(1, supervisor.expireDue());
    assertFalse(supervisor.exists(2));
    assertEquals(List.of("created 2", "ended 2"), recorder.events);
  }

  @Test
  void anOrderPushesTheDeadlineOut() {
    supervisor.orderWidget(2);
    clock.advance(Duration.ofHours(20));
    AccountDetails afterOrder = supervisor.orderWidget(2).details();
    assertEquals(START.plus(Duration.ofHours(20)).plus(LIFETIME), afterOrder.expiresAt());

    clock.advance(Duration.ofHours(4));
    assertEquals(0, supervisor.expireDue(), "the first deadline passed, but the order moved it");
    clock.advance(Duration.ofHours(20).minusMillis(1));
    assertEquals(0, supervisor.expireDue());
    assertTrue(supervisor.exists(2));

    clock.advance(Duration.ofMillis(1));
    assertEquals(1, supervisor.expireDue());
    assertFalse(supervisor.exists(2));
  }

  @Test
  void anEndedAccountIsGoneFromEveryQuery() {
    supervisor.orderWidget(2);
    Account ending = supervisor.findOrCreate(10);
    clock.advance(Duration.ofHours(1));
    supervisor.orderWidget(2);
    clock.advance(LIFETIME.minusHours(1));

    supervisor.expireDue();

    assertTrue(ending.isEnded());
    assertFalse(supervisor.exists(10));
    assertFalse(supervisor.registry().exists(10));
    assertEquals(Optional.empty(), supervisor.whereis(10));
    assertEquals(Optional.empty(), supervisor.details(10));
    assertEquals(1, supervisor.count());
    assertArrayEquals(new long[] {2}, supervisor.ids());
    assertEquals(List.of(new WidgetsOrdered(2, 2)), supervisor.allWidgetsOrdered());
    assertEquals(2, supervisor.totalWidgetsOrdered());
    assertFalse(supervisor.end(10));
  }

  @Test
  void aLaterOrderForTheSameIdStartsANewAccount() {
    Account first = supervisor.findOrCreate(10);
    supervisor.orderWidget(10);
    clock.advance(LIFETIME);
    supervisor.expireDue();

    AccountDetails again = supervisor.orderWidget(10).details();

    assertEquals(1, again.widgetsOrdered());
    assertNotSame(first, supervisor.whereis(10).orElseThrow());
    assertEquals(List.of("created 10", "changed 10", "ended 10", "created 10"), recorder.events);
  }

  @Test
  void endingOnRequestIsImmediateAndFinal() {
    Account account = supervisor.findOrCreate(4);

    assertTrue(supervisor.end(4));

    assertTrue(account.isEnded());
    assertFalse(supervisor.exists(4));
    assertFalse(supervisor.end(4));
    clock.advance(LIFETIME);
    assertEquals(0, supervisor.expireDue(), "an ended account does not end twice");
  }

  @Test
  void aShorterLifetimeAppliesToEveryLiveAccount() {
    supervisor.orderWidget(1);
    clock.advance(Duration.ofSeconds(20));
    supervisor.orderWidget(2);

    supervisor.setLifetime(Duration.ofSeconds(30));
    assertEquals(START.plusSeconds(30), supervisor.details(1).orElseThrow().expiresAt());

    clock.advance(Duration.ofSeconds(10));
    assertEquals(1, supervisor.expireDue());
    assertArrayEquals(new long[] {2}, supervisor.ids());

    clock.advance(Duration.ofSeconds(20));
    assertEquals(1, supervisor.expireDue());
    assertEquals(0, supervisor.count());
  }

  @Test
  void manyAccountsWithSpreadDeadlinesEachEndOnTime() {
    for (long id = 1; id <= 1_000; id++) {
      supervisor.orderWidget(id);
      clock.advance(Duration.ofMillis(37));
    }
    // Every account is 37 ms younger than the one before; sweep in steps smaller and larger than a
    // slot.
    clock.advance(LIFETIME.minusMillis(37_000));
    for (long id = 1; id <= 1_000; id++) {
      supervisor.expireDue();
      assertFalse(supervisor.exists(id), "account " + id + " is past its deadline");
      if (id < 1_000) {
        assertTrue(supervisor.exists(id + 1), "account " + (id + 1) + " is not due yet");
      }
      clock.advance(Duration.ofMillis(37));
    }
  }

  @Test
  void accountsRestoredOutOfTimeOrderEachEndAtTheirOwnDeadline() {
    supervisor.orderWidget(1);
    assertTrue(supervisor.restore(2, 5, START.minus(Duration.ofHours(10))));
    assertTrue(supervisor.restore(3, 5, START.minus(Duration.ofHours(20))));

    clock.advance(Duration.ofHours(4));
    assertEquals(1, supervisor.expireDue());
    assertFalse(supervisor.exists(3), "restored after a newer account, yet due first");
    assertTrue(supervisor.restore(4, 5, START.minus(Duration.ofHours(19))));
    clock.advance(Duration.ofHours(1));
    assertEquals(
        1, supervisor.expireDue(), "restored after the first sweep, due at its own deadline");
    assertFalse(supervisor.exists(4));

    clock.advance(Duration.ofHours(9));
    assertEquals(1, supervisor.expireDue());
    assertFalse(supervisor.exists(2));
    assertTrue(supervisor.exists(1));
  }

  @Test
  void anAccountFiledInTheSlotASweepHasJustTakenStillEnds() {
    supervisor.orderWidget(1);
    clock.advance(LIFETIME.plusMillis(100));
    assertEquals(1, supervisor.expireDue(), "takes the slot of the first order whole");

    assertTrue(supervisor.restore(2, 5, START.plusMillis(200)), "filed in that same slot");
    clock.advance(Duration.ofMillis(100));
    assertEquals(1, supervisor.expireDue());
    assertFalse(supervisor.exists(2));
  }

  @Test
  void aLongerLifetimeKeepsAccountsThatWouldHaveEnded() {
    supervisor.orderWidget(1);
    clock.advance(LIFETIME.minusHours(1));

    supervisor.setLifetime(LIFETIME.multipliedBy(2));
    clock.advance(Duration.ofHours(2));

    assertEquals(0, supervisor.expireDue());
    assertTrue(supervisor.exists(1));
  }
}
