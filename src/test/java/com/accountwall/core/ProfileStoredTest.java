package com.accountwall.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** A profile stored while the wall runs shows on the live account, and stays shown. */
class ProfileStoredTest {
  private static final AccountProfile OLD = new AccountProfile("Old Name", "");
  private static final AccountProfile NEW = new AccountProfile("New Name", "North");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final Map<Long, AccountProfile> stored = new ConcurrentHashMap<>();

  @Test
  void aLiveAccountTakesTheProfileAtOnceAndItsListenersHear() {
    AccountSupervisor supervisor =
        AccountSupervisor.builder()
            .clock(clock)
            .directory(id -> Optional.ofNullable(stored.get(id)))
            .build();
    supervisor.orderWidget(5);
    List<String> heard = new ArrayList<>();
    supervisor.addListener(
        new AccountListener() {
          @Override
          public void accountChanged(Account account) {
            heard.add(account.name() + "/" + account.attribute());
          }
        });

    stored.put(5L, NEW);
    supervisor.profileStored(5, NEW);

    assertEquals("New Name", supervisor.details(5).orElseThrow().name());
    assertEquals("North", supervisor.details(5).orElseThrow().attribute());
    assertEquals(List.of("New Name/North", "New Name/North"), heard, "at once, then as read");
  }

  @Test
  void anIdWithoutALiveAccountChangesNothingUntilItsNextAccountReadsTheDirectory() {
    AccountSupervisor supervisor =
        AccountSupervisor.builder()
            .clock(clock)
            .directory(id -> Optional.ofNullable(stored.get(id)))
            .build();

    stored.put(6L, NEW);
    supervisor.profileStored(6, NEW);

    assertFalse(supervisor.exists(6));
    supervisor.orderWidget(6);
    assertEquals("New Name", supervisor.details(6).orElseThrow().name());
  }

  /**
   * The race {@link AccountSupervisor#profileStored} is made for: a lookup reads the directory
   * before the profile is stored and applies what it read after the store's own apply. The second
   * lookup, queued behind it, has the last word.
   */
  @Test
  void aLookupThatReadTheOldProfileBeforeTheStoreDoesNotHaveTheLastWord() {
    stored.put(7L, OLD);
    AccountSupervisor[] supervisor = new AccountSupervisor[1];
    boolean[] raced = {false};
    AccountDirectory directory =
        id -> {
          AccountProfile read = stored.get(id);
          if (!raced[0] && supervisor[0].exists(id)) {
            raced[0] = true; // the store commits and applies between this read and its apply
            stored.put(id, NEW);
            supervisor[0].profileStored(id, NEW);
          }
          return Optional.ofNullable(read);
        };
    supervisor[0] = AccountSupervisor.builder().clock(clock).directory(directory).build();

    supervisor[0].orderWidget(7); // its lookup runs here, on this thread, and meets the store

    assertEquals(NEW, profileOf(supervisor[0], 7));
  }

  private static AccountProfile profileOf(AccountSupervisor supervisor, long id) {
    AccountDetails details = supervisor.details(id).orElseThrow();
    return new AccountProfile(details.name(), details.attribute());
  }
}
