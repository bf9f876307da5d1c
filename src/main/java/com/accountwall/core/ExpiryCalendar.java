package com.accountwall.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the accounts that may be due without looking at the others: a calendar of slots, each a
 * {@value #SLOT_MILLIS} ms stretch of time holding the accounts whose last order fell in it.
 *
 * <p>Why slots by <em>last order</em> rather than a queue by deadline: every account shares one
 * lifetime, so ordering accounts by last order orders them by deadline whatever the lifetime is,
 * and a lifetime change needs no rebuild. An order does not touch the calendar at all; it only moves
 * the account's last-order time forward. When a sweep reaches the account's slot it either ends the
 * account or, finding a newer order, files it again under that order's slot. So each account is
 * filed once per lifetime it survives, and the work per expiry is constant: no scan of the live
 * accounts, no reordering of a heap. A sweep with nothing due looks at no account.
 *
 * <p><b>Thread safety:</b> all methods synchronize on this calendar; the {@link Account#nextInSlot}
 * links are guarded by that lock until {@link #takeDue} hands a chain to its caller, which then owns
 * it. A creation calls {@link #add} while holding the registry's lock on its entry; the calendar never
 * takes a registry lock, so the two cannot deadlock.
 */
final class ExpiryCalendar {
  static final long SLOT_MILLIS = 250;

  /** Chains of accounts by slot, linked through {@link Account#nextInSlot}. */
  private final Map<Long, Account> slots = new HashMap<>();
  /** No slot before this one holds an account. */
  private long firstSlot = Long.MIN_VALUE;

  synchronized void add(Account account) {
    // A clock that stepped back must not file an account behind the sweep, where it would be lost.
    long slot = slotOf(account.lastOrderMillis());
    if (firstSlot == Long.MIN_VALUE) {
      firstSlot = slot;
    }
    slot = Math.max(slot, firstSlot);
    account.nextInSlot = slots.put(slot, account);
  }

  /**
   * Removes and returns the chains of every slot that may hold an account whose last order is at or
   * before {@code horizonMillis}. The slot holding the horizon is taken whole: the caller files
   * back, with {@link #add}, the accounts it finds not yet due.
   */
  synchronized List<Account> takeDue(long horizonMillis) {
    long lastSlot = slotOf(horizonMillis);
    List<Account> chains = new ArrayList<>();
    if (slots.isEmpty()) {
      firstSlot = Math.max(firstSlot, lastSlot);
      return chains;
    }
    // Walking empty slots costs time passed since the last sweep, never accounts.
    for (; firstSlot <= lastSlot && !slots.isEmpty(); firstSlot++) {
      Account chain = slots.remove(firstSlot);
      if (chain != null) {
        chains.add(chain);
      }
      if (firstSlot == lastSlot) {
        break;
      }
    }
    if (slots.isEmpty()) {
      firstSlot = Math.max(firstSlot, lastSlot);
    }
    return chains;
  }

  private static long slotOf(long millis) {
    return Math.floorDiv(millis, SLOT_MILLIS);
  }
}
