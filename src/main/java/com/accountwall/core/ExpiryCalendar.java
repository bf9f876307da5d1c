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
  private final Map<Long, Chain> slots = new HashMap<>();
  /**
   * The chain accounts were last filed in: nearly every creation falls in the current slot, and
   * finding it here spares a boxed key and a map lookup under the lock.
   */
  private Chain latest = new Chain(Long.MIN_VALUE);
  /** No slot before this one holds an account. */
  private long firstSlot = Long.MAX_VALUE;
  /** Every slot before this one has been taken by a sweep, which will not look there again. */
  private long sweptTo = Long.MIN_VALUE;

  synchronized void add(Account account) {
    // Accounts come in any time order (a restore, a clock that stepped back): one whose slot the
    // sweep has passed goes into the slot the next sweep takes first, where it cannot be lost.
    long slot = Math.max(slotOf(account.lastOrderMillis()), sweptTo);
    firstSlot = Math.min(firstSlot, slot);
    if (latest.slot != slot) {
      latest = slots.computeIfAbsent(slot, Chain::new);
    }
    account.nextInSlot = latest.head;
    latest.head = account;
  }

  /**
   * Removes and returns the chains of every slot that may hold an account whose last order is at or
   * before {@code horizonMillis}. The slot holding the horizon is taken whole: the caller files
   * back, with {@link #add}, the accounts it finds not yet due.
   */
  synchronized List<Account> takeDue(long horizonMillis) {
    long lastSlot = slotOf(horizonMillis);
    sweptTo = Math.max(sweptTo, lastSlot);
    List<Account> chains = new ArrayList<>();
    // Walking empty slots costs time passed since the last sweep, never accounts.
    for (; firstSlot <= lastSlot && !slots.isEmpty(); firstSlot++) {
      Chain chain = slots.remove(firstSlot);
      if (chain != null) {
        chains.add(chain.head);
      }
      if (chain == latest) {
        latest = new Chain(Long.MIN_VALUE); // the next add to this slot must start a new chain
      }
    }
    if (slots.isEmpty()) {
      firstSlot = Long.MAX_VALUE;
    }
    return chains;
  }

  private static long slotOf(long millis) {
    return Math.floorDiv(millis, SLOT_MILLIS);
  }

  /** The accounts of one slot, newest first. */
  private static final class Chain {
    final long slot;
    Account head;

    Chain(long slot) {
      this.slot = slot;
    }
  }
}
