package com.accountwall.kafka;

import java.util.HashMap;
import java.util.Map;

/**
 * The accounts a stretch of the order log describes, computed without the supervisor: what a wall
 * replays on start before it shows anything. Its rule is the one {@link
 * com.accountwall.core.AccountSupervisor#orderAt} applies live, so a replayed wall and one that
 * followed the log all along agree: an order adds to the account's chain if it came before the
 * chain's deadline (last order plus lifetime) and starts a new chain otherwise; an end ends the
 * chain. Events of one id must come in log order; ids may interleave in any way.
 *
 * <p>A chain whose first order is the first event of its id in the stretch may have begun earlier,
 * before the stretch: {@link #earliestOpenStart} tells how far back to read to be sure.
 *
 * <p>Not thread-safe: one replay owns it.
 */
final class AccountChains {
  private final long lifetimeMillis;
  private final Map<Long, Chain> chains = new HashMap<>();

  AccountChains(long lifetimeMillis) {
    this.lifetimeMillis = lifetimeMillis;
  }

  /** One account's chain of orders: its count, first and last order; ended by an end event. */
  private static final class Chain {
    long count;
    long firstMillis;
    long lastMillis;
    boolean ended;
    /** Whether the chain might have begun before the stretch read. */
    boolean open;
  }

  /** Ends the account's chain: an end event. */
  void end(long id) {
    chains.computeIfAbsent(id, key -> new Chain()).ended = true;
  }

  /**
   * Applies an order made at {@code atMillis}.
   *
   * @throws ArithmeticException if it would overflow its account's count; nothing changes
   */
  void order(long id, long qty, long atMillis) {
    Chain chain = chains.get(id);
    if (chain == null) {
      chain = new Chain();
      chain.open = true;
      chains.put(id, chain);
      start(chain, qty, atMillis);
    } else if (chain.ended || chain.lastMillis + lifetimeMillis <= atMillis) {
      chain.ended = false;
      chain.open = false;
      start(chain, qty, atMillis);
    } else {
      chain.count = Math.addExact(chain.count, qty);
      chain.lastMillis = Math.max(chain.lastMillis, atMillis);
    }
  }

  private static void start(Chain chain, long qty, long atMillis) {
    chain.count = qty;
    chain.firstMillis = atMillis;
    chain.lastMillis = atMillis;
  }

  /**
   * The earliest first order among chains that are live at {@code nowMillis} and may have begun
   * before the stretch, or {@link Long#MAX_VALUE} if there are none.
   */
  long earliestOpenStart(long nowMillis) {
    long earliest = Long.MAX_VALUE;
    for (Chain chain : chains.values()) {
      if (chain.open && isLive(chain, nowMillis)) {
        earliest = Math.min(earliest, chain.firstMillis);
      }
    }
    return earliest;
  }

  /** Hands each account live at {@code nowMillis} to {@code live} as (id, chain) count and last order. */
  void forEachLive(long nowMillis, LiveAccount live) {
    chains.forEach((id, chain) -> {
      if (isLive(chain, nowMillis)) {
        live.accept(id, chain.count, chain.lastMillis);
      }
    });
  }

  private boolean isLive(Chain chain, long nowMillis) {
    return !chain.ended && chain.lastMillis + lifetimeMillis > nowMillis;
  }

  /** Receives a live account of the replay. */
  @FunctionalInterface
  interface LiveAccount {
    void accept(long id, long count, long lastOrderMillis);
  }
}
