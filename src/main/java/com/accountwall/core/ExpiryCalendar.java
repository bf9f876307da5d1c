package com.accountwall.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds the accounts that may be due without looking at the others: a calendar of slots, each a
 * {@value #SLOT_MILLIS} ms stretch of time holding the accounts whose last order fell in it.
 *
 * <p>Why slots by <em>last order</em> rather than a queue by deadline: every account shares one
 * lifetime, so ordering accounts by last order orders them by deadline whatever the lifetime is,
 * and a lifetime change needs no rebuild. An order does not touch the calendar at all; it only
 * moves the account's last-order time forward. When a sweep reaches the account's slot it either
 * ends the account or, finding a newer order, files it again under that order's slot. So each
 * account is filed once per lifetime it survives, and the work per expiry is constant: no scan of
 * the live accounts, no reordering of a heap. A sweep with nothing due looks at no account.
 *
 * <p><b>Thread safety:</b> the slots, and the chains' membership in them, are guarded by this
 * calendar's lock. Nearly every creation falls in the newest slot, though, and with two threads
 * creating accounts a lock per creation made each wait for the other (two threads created fewer
 * accounts per second than one). So the newest slot's chain also takes accounts without the lock: a
 * compare-and-swap pushes onto its head, and a sweep that takes the chain swaps in {@link #CLOSED},
 * after which a push fails and files the account under the lock instead, into a chain the next
 * sweep finds. The {@link Account#nextInSlot} link is written before the push that publishes it and
 * read only by the sweep that took its chain, which then owns it. A creation calls {@link #add}
 * while holding its registry segment's lock; the calendar never takes a registry lock, so the two
 * cannot deadlock.
 */
final class ExpiryCalendar {
  static final long SLOT_MILLIS = 250;

  /** The head of a chain a sweep has taken. */
  private static final Account CLOSED = new Account(0, 0, 0, null);

  private static final VarHandle HEAD;

  static {
    try {
      HEAD = MethodHandles.lookup().findVarHandle(Chain.class, "head", Account.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Chains of accounts by slot, linked through {@link Account#nextInSlot}. Guarded by this. */
  private final Map<Long, Chain> slots = new HashMap<>();

  /** The chain accounts were last filed in under the lock, open to pushes until it is taken. */
  private volatile Chain latest = new Chain(Long.MIN_VALUE);

  /** No slot before this one holds an account. Guarded by this. */
  private long firstSlot = Long.MAX_VALUE;

  /**
   * Every slot before this one has been taken by a sweep, which will not look there again. Guarded
   * by this.
   */
  private long sweptTo = Long.MIN_VALUE;

  void add(Account account) {
    Chain chain = latest;
    if (chain.slot != slotOf(account.lastOrderMillis()) || !chain.push(account)) {
      file(account);
    }
  }

  private synchronized void file(Account account) {
    // Accounts come in any time order (a restore, a clock that stepped back): one whose slot the
    // sweep has passed goes into the slot the next sweep takes first, where it cannot be lost.
    long slot = Math.max(slotOf(account.lastOrderMillis()), sweptTo);
    firstSlot = Math.min(firstSlot, slot);
    Chain chain = slots.computeIfAbsent(slot, Chain::new);
    chain.push(
        account); // cannot fail: a chain is closed only as it leaves the map, under this lock
    latest = chain;
  }

  /**
   * Takes every account of every slot that may hold one whose last order is at or before {@code
   * horizonMillis}, and hands each to {@code due}, outside the calendar's lock, so {@code due} may
   * take registry locks and {@link #add} back the accounts it finds not yet due (the slot holding
   * the horizon is taken whole). Only the thread that took a chain walks it.
   */
  void takeDue(long horizonMillis, Consumer<Account> due) {
    for (Account chain : takeChains(horizonMillis)) {
      Account next;
      for (Account account = chain; account != null; account = next) {
        next = account.nextInSlot;
        account.nextInSlot = null; // unlinked before due() may file it again
        due.accept(account);
      }
    }
  }

  /** Removes and returns the chains of the slots up to the horizon's. */
  private synchronized List<Account> takeChains(long horizonMillis) {
    long lastSlot = slotOf(horizonMillis);
    sweptTo = Math.max(sweptTo, lastSlot);
    List<Account> chains = new ArrayList<>();
    // Walking empty slots costs time passed since the last sweep, never accounts.
    for (; firstSlot <= lastSlot && !slots.isEmpty(); firstSlot++) {
      Chain chain = slots.remove(firstSlot);
      if (chain != null) {
        chains.add(chain.close());
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

    /** Accessed via HEAD. */
    @SuppressWarnings("unused")
    private volatile Account head;

    Chain(long slot) {
      this.slot = slot;
    }

    /** Adds the account unless a sweep has taken this chain. */
    boolean push(Account account) {
      for (; ; ) {
        Account first = (Account) HEAD.getVolatile(this);
        if (first == CLOSED) {
          return false;
        }
        account.nextInSlot = first;
        if (HEAD.compareAndSet(this, first, account)) {
          return true;
        }
      }
    }

    /** Takes the accounts; later pushes fail. */
    Account close() {
      return (Account) HEAD.getAndSet(this, CLOSED);
    }
  }
}
