package com.accountwall.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replay's rule, on its own: the same one {@code AccountSupervisor.orderAt} applies live. */
class AccountChainsTest {
  private static final long LIFETIME = 100;

  private static Map<Long, List<Long>> live(AccountChains chains, long now) {
    Map<Long, List<Long>> live = new HashMap<>();
    chains.forEachLive(now, (id, count, last) -> live.put(id, List.of(count, last)));
    return live;
  }

  @Test
  void anOrderBeforeTheDeadlineAddsAndMovesIt() {
    AccountChains chains = new AccountChains(LIFETIME);
    chains.order(1, 2, 1000);
    chains.order(1, 3, 1099);

    assertEquals(Map.of(1L, List.of(5L, 1099L)), live(chains, 1198));
    assertEquals(Map.of(), live(chains, 1199), "gone at its deadline");
  }

  @Test
  void anOrderAtOrAfterTheDeadlineStartsANewAccount() {
    AccountChains chains = new AccountChains(LIFETIME);
    chains.order(1, 2, 1000);
    chains.order(1, 3, 1100);

    assertEquals(Map.of(1L, List.of(3L, 1100L)), live(chains, 1100));
  }

  @Test
  void anEndEndsItAndALaterOrderStartsAfresh() {
    AccountChains chains = new AccountChains(LIFETIME);
    chains.order(1, 2, 1000);
    chains.end(1);
    chains.order(2, 1, 1000);

    assertEquals(Map.of(2L, List.of(1L, 1000L)), live(chains, 1010));
    chains.order(1, 4, 1005);
    assertEquals(List.of(4L, 1005L), live(chains, 1010).get(1L));
  }

  @Test
  void aLiveAccountWhoseFirstOrderCouldContinueAnEarlierOneIsOpen() {
    AccountChains chains = new AccountChains(LIFETIME);
    chains.order(1, 1, 1000); // may continue orders before the stretch
    chains.order(2, 1, 900);
    chains.end(2);
    chains.order(2, 1, 950); // after an end: known to start afresh
    chains.order(3, 1, 800); // dead by now: its past does not matter

    assertEquals(1000, chains.earliestOpenStart(1050));
    assertEquals(Long.MAX_VALUE, chains.earliestOpenStart(1100), "none live");
  }
}
