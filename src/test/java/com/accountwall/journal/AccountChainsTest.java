package com.accountwall.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    chains.order(0, 1, 2, 1000);
    chains.order(0, 1, 3, 1099);

    assertEquals(Map.of(1L, List.of(5L, 1099L)), live(chains, 1198));
    assertEquals(Map.of(), live(chains, 1199), "gone at its deadline");
  }

  @Test
  void aSeededChainIsTakenWhenItsIdIsFirstAskedForAndLinksAsAHeldOneWould() {
    AccountChains chains = new AccountChains(LIFETIME);
    chains.seedFrom(id -> id == 1 ? new AccountChains.Link(true, 4, 1000) : null, 4);

    assertEquals(
        new AccountChains.Link(true, 6, 1050),
        chains.order(0, 1, 2, 1050),
        "before its deadline: extended");
    assertEquals(
        new AccountChains.Link(false, 1, 1060),
        chains.order(0, 2, 1, 1060),
        "no seed: a new chain");
    assertEquals(List.of(6L, 1050L), live(chains, 1100).get(1L));
    assertTrue(chains.mayOverflow(Long.MAX_VALUE - 5), "the seed's largest count counts");
  }

  @Test
  void anOrderAtOrAfterTheDeadlineStartsANewAccount() {
    AccountChains chains = new AccountChains(LIFETIME);
    chains.order(0, 1, 2, 1000);
    chains.order(0, 1, 3, 1100);

    assertEquals(Map.of(1L, List.of(3L, 1100L)), live(chains, 1100));
  }

  @Test
  void anEndEndsItAndALaterOrderStartsAfresh() {
    AccountChains chains = new AccountChains(LIFETIME);
    chains.order(0, 1, 2, 1000);
    chains.end(0, 1, 1001);
    chains.order(0, 2, 1, 1000);

    assertEquals(Map.of(2L, List.of(1L, 1000L)), live(chains, 1010));
    chains.order(0, 1, 4, 1005);
    assertEquals(List.of(4L, 1005L), live(chains, 1010).get(1L));
  }

  @Test
  void aLiveAccountWhoseFirstOrderCouldContinueAnEarlierOneIsOpen() {
    AccountChains chains = new AccountChains(LIFETIME);
    chains.order(0, 1, 1, 1000); // may continue orders before the stretch
    chains.order(0, 2, 1, 900);
    chains.end(0, 2, 901);
    chains.order(0, 2, 1, 950); // after an end: known to start afresh
    chains.order(0, 3, 1, 800); // dead by now: its past does not matter

    assertEquals(1000, chains.earliestOpenStart(1050));
    assertEquals(Long.MAX_VALUE, chains.earliestOpenStart(1100), "none live");
  }

  @Test
  void aLateOrderExtendsItsChainUntilTheLogHasMovedAMinutePastTheDeadline() {
    AccountChains chains = new AccountChains(LIFETIME);
    chains.order(0, 1, 2, 1000);
    chains.order(
        0, 2, 1, 1000 + LIFETIME + AccountChains.GRACE_MILLIS - 1); // the log's time moves on

    AccountChains.Link late = chains.order(0, 1, 3, 1050); // made before 1's deadline, written late
    assertEquals(new AccountChains.Link(true, 5, 1050), late);

    chains.order(0, 2, 1, 1050 + LIFETIME + AccountChains.GRACE_MILLIS);
    assertEquals(
        new AccountChains.Link(false, 4, 1100),
        chains.order(0, 1, 4, 1100),
        "forgotten: a new chain");
  }

  @Test
  void anEndSaysWhetherTheLogHadTheAccountLive() {
    AccountChains chains = new AccountChains(LIFETIME);
    chains.order(0, 1, 2, 1000);
    chains.order(0, 2, 2, 1000);

    assertEquals(true, chains.end(0, 1, 1099));
    assertEquals(false, chains.end(0, 2, 1100), "its deadline had passed");
    assertEquals(false, chains.end(0, 3, 1100), "never ordered");
  }

  @Test
  void aStretchContinuesTheChainsOfTheOneBeforeIt() {
    AccountChains earlier = new AccountChains(LIFETIME);
    earlier.order(0, 1, 2, 900);
    earlier.order(0, 2, 5, 800); // its deadline, 900, is before 2's next order
    earlier.order(0, 3, 1, 950);
    earlier.end(0, 3, 960);
    AccountChains later = new AccountChains(LIFETIME);
    later.order(0, 1, 1, 950);
    later.order(0, 2, 1, 950);
    later.order(0, 3, 1, 970);

    later.continueFrom(earlier);

    assertEquals(
        Map.of(1L, List.of(3L, 950L), 2L, List.of(1L, 950L), 3L, List.of(1L, 970L)),
        live(later, 1000));
    assertEquals(900, later.earliestOpenStart(1000), "1 may go back further still");
  }

  @Test
  void listedChangesNameEachChangedIdOncePerTaking() {
    AccountChains chains = new AccountChains(LIFETIME);
    chains.order(0, 9, 1, 900);
    chains.listChanges();
    chains.order(0, 1, 2, 1000);
    chains.order(0, 2, 1, 1001);
    chains.order(0, 1, 1, 1002);
    chains.end(0, 3, 1003);

    assertArrayEquals(new long[] {1, 2, 3}, chains.takeChanged(), "not 9: before listing");
    assertArrayEquals(new long[0], chains.takeChanged(), "nothing since");
    chains.order(0, 2, 1, 1004);
    chains.end(0, 1, 1005);
    assertArrayEquals(new long[] {2, 1}, chains.takeChanged(), "listed anew after a taking");
  }

  @Test
  void changesAreNotListedUntilAsked() {
    AccountChains chains = new AccountChains(LIFETIME);
    chains.order(0, 1, 2, 1000);

    assertArrayEquals(new long[0], chains.takeChanged());
  }
}
