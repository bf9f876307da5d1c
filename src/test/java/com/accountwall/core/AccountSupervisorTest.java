package com.accountwall.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountSupervisorTest {
  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private final AccountSupervisor supervisor = AccountSupervisor.builder().clock(clock).build();

  @Test
  void seedReadmeScenario() {
    supervisor.findOrCreate(2);
    supervisor.findOrCreate(10);
    assertEquals(
        List.of(new WidgetsOrdered(2, 1), new WidgetsOrdered(10, 1)),
        supervisor.allWidgetsOrdered());

    supervisor.orderWidget(10);
    assertEquals(
        List.of(new WidgetsOrdered(2, 1), new WidgetsOrdered(10, 2)),
        supervisor.allWidgetsOrdered());
  }

  @Test
  void findOrCreateReturnsTheLiveAccountWithoutOrdering() {
    Account first = supervisor.findOrCreate(7);
    Account again = supervisor.findOrCreate(7);

    assertSame(first, again);
    assertEquals(1, again.widgetsOrdered());
  }

  @Test
  void createSaysWhenTheAccountAlreadyExists() {
    CreateResult created = supervisor.create(3);
    CreateResult duplicate = supervisor.create(3);

    assertTrue(created.created());
    assertTrue(duplicate.alreadyExists());
    assertSame(created.account(), duplicate.account());
    assertEquals(1, supervisor.count());
  }

  @Test
  void firstOrderCreatesWithItsQuantityAndLaterOrdersAdd() {
    assertEquals(3, supervisor.order(5, 3).widgetsOrdered());
    assertEquals(7, supervisor.order(5, 4).widgetsOrdered());
    assertEquals(7, supervisor.totalWidgetsOrdered());
  }

  @Test
  void queriesDescribeTheLiveAccounts() {
    supervisor.orderWidget(30);
    supervisor.order(4, 2);
    supervisor.orderWidget(12);

    assertEquals(3, supervisor.count());
    assertArrayEquals(new long[] {4, 12, 30}, supervisor.ids());
    assertTrue(supervisor.exists(12));
    assertFalse(supervisor.exists(13));
    assertEquals(4, supervisor.totalWidgetsOrdered());
    assertEquals(Optional.empty(), supervisor.whereis(13));
    assertEquals(12, supervisor.whereis(12).orElseThrow().id());
    assertEquals(
        new AccountDetails(
            4, Account.defaultName(4), "", 2, START.plus(AccountSupervisor.DEFAULT_LIFETIME)),
        supervisor.details(4).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void invalidIdsAreRejectedByNameAndChangeNothing(long badId) {
    supervisor.orderWidget(1);
    String value = Long.toString(badId);

    assertMessageNames(value, () -> supervisor.findOrCreate(badId));
    assertMessageNames(value, () -> supervisor.create(badId));
    assertMessageNames(value, () -> supervisor.order(badId, 1));
    assertMessageNames(value, () -> supervisor.orderWidget(badId));
    assertMessageNames(value, () -> supervisor.exists(badId));
    assertMessageNames(value, () -> supervisor.details(badId));
    assertMessageNames(value, () -> supervisor.whereis(badId));
    assertMessageNames(value, () -> supervisor.end(badId));

    assertEquals(List.of(new WidgetsOrdered(1, 1)), supervisor.allWidgetsOrdered());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -3})
  void nonPositiveQuantitiesAreRejectedByNameAndChangeNothing(long badQuantity) {
    supervisor.orderWidget(1);

    assertMessageNames("quantity", () -> supervisor.order(1, badQuantity));
    assertMessageNames(Long.toString(badQuantity), () -> supervisor.order(2, badQuantity));

    assertEquals(List.of(new WidgetsOrdered(1, 1)), supervisor.allWidgetsOrdered());
    assertEquals(1, supervisor.totalWidgetsOrdered());
  }

  @Test
  void anOrderThatWouldOverflowTheCountChangesNothing() {
    supervisor.order(1, Long.MAX_VALUE - 1);
    Instant expiresAt = supervisor.details(1).orElseThrow().expiresAt();
    clock.advance(Duration.ofMinutes(1));

    assertThrows(ArithmeticException.class, () -> supervisor.order(1, 2));

    AccountDetails after = supervisor.details(1).orElseThrow();
    assertEquals(Long.MAX_VALUE - 1, after.widgetsOrdered());
    assertEquals(expiresAt, after.expiresAt());
  }

  @Test
  void theDirectoryNamesAccounts() {
    AccountSupervisor named =
        AccountSupervisor.builder()
            .clock(clock)
            .directory(
                id -> id == 2 ? Optional.of(new AccountProfile("Acme", "gold")) : Optional.empty())
            .build();

    named.orderWidget(2);
    named.orderWidget(3);

    assertEquals("Acme", named.details(2).orElseThrow().name());
    assertEquals("gold", named.details(2).orElseThrow().attribute());
    assertEquals(Account.defaultName(3), named.details(3).orElseThrow().name());
  }

  @Test
  void aFailingLookupLeavesTheDefaultNameAndHarmsNoOtherAccount() {
    AccountSupervisor flaky =
        AccountSupervisor.builder()
            .clock(clock)
            .directory(
                id -> {
                  if (id == 13) {
                    throw new IllegalStateException("directory down");
                  }
                  return Optional.of(new AccountProfile("Customer " + id, ""));
                })
            .build();

    flaky.orderWidget(12);
    flaky.orderWidget(13);
    flaky.orderWidget(13);
    flaky.orderWidget(14);

    assertEquals("Customer 12", flaky.details(12).orElseThrow().name());
    assertEquals(Account.defaultName(13), flaky.details(13).orElseThrow().name());
    assertEquals(2, flaky.details(13).orElseThrow().widgetsOrdered());
    assertEquals("Customer 14", flaky.details(14).orElseThrow().name());
  }

  @Test
  void restoredAccountsAreNamedTogetherInBatchesWhenTheRestoreCloses() {
    List<Integer> askedAtOnce = new ArrayList<>();
    AccountSupervisor named =
        AccountSupervisor.builder()
            .clock(clock)
            .directory(
                new AccountDirectory() {
                  @Override
                  public Optional<AccountProfile> lookup(long accountId) {
                    throw new AssertionError("asked for " + accountId + " alone");
                  }

                  @Override
                  public Map<Long, AccountProfile> lookupAll(long[] accountIds) {
                    askedAtOnce.add(accountIds.length);
                    Map<Long, AccountProfile> profiles = new HashMap<>();
                    for (long id : accountIds) {
                      profiles.put(id, new AccountProfile("Customer " + id, ""));
                    }
                    return profiles;
                  }
                })
            .build();

    try (AccountSupervisor.Restoring restoring = named.restoring()) {
      for (long id = 1; id <= 1_200; id++) {
        assertTrue(restoring.restore(id, 3, START));
      }
      assertEquals(
          Account.defaultName(7), named.details(7).orElseThrow().name(), "live, not named yet");
      assertEquals(List.of(), askedAtOnce);
    }

    assertEquals(List.of(500, 500, 200), askedAtOnce);
    assertEquals("Customer 1200", named.details(1_200).orElseThrow().name());
  }

  @Test
  void aCorrectionSetsTheCountInPlaceAndKeepsTheAccount() {
    RecordingListener recorder = new RecordingListener();
    supervisor.order(4, 2);
    Account before = supervisor.whereis(4).orElseThrow();
    supervisor.addListener(recorder);

    assertTrue(supervisor.correct(4, 9, START));

    assertSame(before, supervisor.whereis(4).orElseThrow());
    assertEquals(9, before.widgetsOrdered());
    assertEquals(9, supervisor.totalWidgetsOrdered());
    assertEquals(List.of("changed 4"), recorder.events);
    assertFalse(supervisor.correct(4, 5, START.plusSeconds(1)), "another last order");
    assertFalse(supervisor.correct(5, 5, START), "not live");
    assertEquals(9, before.widgetsOrdered());
  }

  @Test
  void aFailingListenerHarmsNeitherTheOrderNorOtherListeners() {
    RecordingListener recorder = new RecordingListener();
    supervisor.addListener(
        new AccountListener() {
          @Override
          public void accountCreated(Account account) {
            throw new IllegalStateException("broken listener");
          }
        });
    supervisor.addListener(recorder);

    supervisor.orderWidget(8);
    supervisor.orderWidget(8);

    assertEquals(List.of("created 8", "changed 8"), recorder.events);
    assertEquals(2, supervisor.details(8).orElseThrow().widgetsOrdered());
  }

  @Test
  void listenersHearCreatedChangedAndEnded() {
    RecordingListener recorder = new RecordingListener();
    supervisor.addListener(recorder);

    supervisor.orderWidget(2);
    supervisor.orderWidget(2);
    supervisor.end(2);
    supervisor.removeListener(recorder);
    supervisor.orderWidget(2);

    assertEquals(List.of("created 2", "changed 2", "ended 2"), recorder.events);
  }

  private static void assertMessageNames(String text, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().contains(text), () -> "'" + e.getMessage() + "' should name " + text);
  }
}
