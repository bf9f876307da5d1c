package com.accountwall.journal;

import com.accountwall.core.Account;
import com.accountwall.core.AccountSupervisor;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes the {@link AccountSupervisor} agree with the history: each change the history made durable,
 * as {@link AccountChains} decided it, is applied to the wall's accounts, and after a re-projection
 * the whole wall is brought to what the new chains say. Both journals project the wall through it,
 * so the same history gives the same accounts in either.
 *
 * <p>Not thread-safe: one thread applies the history (the embedded journal's writer, or the Kafka
 * log's follower). Readers of the supervisor may run beside it as they always may.
 */
public final class WallProjection {
  private final AccountSupervisor supervisor;

  public WallProjection(AccountSupervisor supervisor) {
    this.supervisor = supervisor;
  }

  /**
   * Applies an order made at {@code atMillis} that the history linked as {@code link} says.
   *
   * @return the live account the order landed on; null only if the history extended an account
   *     whose deadline has passed on this wall's clock by now
   * @throws ArithmeticException if it would overflow the account's count; nothing changes
   */
  public Account order(long id, long quantity, long atMillis, AccountChains.Link link) {
    Account held = live(id);
    if (!link.extended()) {
      if (held != null) {
        supervisor.end(
            id); // it belongs to an earlier chain, though this wall's expiry has not run yet
      }
      return supervisor.orderAt(id, quantity, atMillis);
    }
    if (held != null) {
      Account landed = supervisor.orderAt(id, quantity, atMillis);
      // Only this thread adds orders, so a count off the history's means expiry ended the account
      // in between and the order started a new one: end that, and put the chain back below.
      if (landed.widgetsOrdered() == link.count()) {
        return landed;
      }
      supervisor.end(id);
    }
    // This wall's expiry ended the account; the history still extends it: put it back with the
    // order added.
    if (supervisor.restore(id, link.count(), Instant.ofEpochMilli(link.lastMillis()))) {
      return supervisor.whereis(id).orElse(null);
    }
    return null;
  }

  /** Applies an ending; returns whether the account was live on this wall. */
  public boolean end(long id) {
    return supervisor.end(id);
  }

  /**
   * Brings the wall to what {@code chains} say at {@code nowMillis}: an account they do not hold
   * live ends (and fades from the window), one whose count differs takes their count in place, one
   * whose last order differs is ended and put back as they have it, and a live chain the wall lacks
   * is put back.
   *
   * @return how many accounts the wall holds after it
   */
  public int reconcile(AccountChains chains, long nowMillis) {
    Map<Long, AccountChains.Link> missing = new HashMap<>();
    chains.forEachLive(
        nowMillis, (id, count, last) -> missing.put(id, new AccountChains.Link(true, count, last)));
    for (Account account : supervisor.accounts()) {
      AccountChains.Link chain = missing.get(account.id());
      boolean agrees =
          chain != null
              && (chain.count() == account.widgetsOrdered()
                      && chain.lastMillis() == account.lastOrderAt().toEpochMilli()
                  || supervisor.correct(
                      account.id(), chain.count(), Instant.ofEpochMilli(chain.lastMillis())));
      if (agrees) {
        missing.remove(account.id());
      } else {
        supervisor.end(account.id());
      }
    }
    try (AccountSupervisor.Restoring restoring = supervisor.restoring()) {
      missing.forEach(
          (id, chain) ->
              restoring.restore(id, chain.count(), Instant.ofEpochMilli(chain.lastMillis())));
    }
    return supervisor.count();
  }

  /** The live account with this id on the wall, or null. */
  public Account live(long id) {
    return supervisor.whereis(id).filter(account -> !account.isEnded()).orElse(null);
  }
}
