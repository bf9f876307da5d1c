package com.accountwall.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * One segment of the {@link AccountRegistry}: accounts by id in an open-addressing table of {@code
 * Account} references, probed linearly and compared by the account's own id, so a lookup reads one
 * array slot and the account it was going to read anyway, with no map node or boxed key between.
 *
 * <p><b>Thread safety:</b> lookups and traversals take no lock; insertions and removals hold this
 * segment's monitor. Readers stay correct without the lock because a slot only ever changes in ways
 * a probe tolerates: from empty to an account (release store, so its fields are seen), from an
 * account to {@link #REMOVED} (whose id, 0, matches no valid id, so a probe walks past it), and
 * from {@code REMOVED} to another account. An empty slot, where a probe stops, never appears where
 * an account was. Growing, or clearing out removed slots, copies the live accounts into a new table
 * and publishes it through a volatile field; a reader still on the old one sees the segment as it
 * was a moment ago, which a weakly consistent map allows, and an account removed since then is
 * ended, which every caller checks.
 */
final class AccountTable {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Account[].class);

  /** Marks a removed account's slot; id 0 is never a valid account id. */
  private static final Account REMOVED = new Account(0, 0, 0, null);

  private static final int MIN_CAPACITY = 16;

  private volatile Account[] slots = new Account[MIN_CAPACITY];
  private volatile int size;

  /** Slots no longer empty: live accounts plus removed ones. Guarded by this. */
  private int used;

  /**
   * Whether {@code create} is running; the slot it will fill was chosen before. Guarded by this.
   */
  private boolean creating;

  /** The account with this id, live or ending, or null. */
  Account get(long accountId, int hash) {
    Account[] table = slots;
    int mask = table.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Account account = (Account) SLOT.getAcquire(table, i);
      if (account == null) {
        return null;
      }
      if (account.id() == accountId) {
        return account;
      }
    }
  }

  /**
   * The account holding this id; if none does, the one {@code create} makes, run under the lock.
   *
   * @throws IllegalStateException if {@code create} itself creates an account in this segment
   */
  synchronized Account computeIfAbsent(long accountId, int hash, LongFunction<Account> create) {
    if (creating) {
      throw new IllegalStateException("account " + accountId + " created while creating another");
    }
    Account[] table = slots;
    int mask = table.length - 1;
    int free = -1;
    int i = hash & mask;
    for (Account account; (account = table[i]) != null; i = (i + 1) & mask) {
      if (account.id() == accountId) {
        return account;
      }
      if (account == REMOVED && free < 0) {
        free = i;
      }
    }
    Account created;
    creating = true;
    try {
      created = create.apply(accountId);
    } finally {
      creating = false;
    }
    if (free < 0) {
      free = i;
      used++;
    }
    SLOT.setRelease(table, free, created);
    size++;
    if (used > table.length / 2) {
      rebuild();
    }
    return created;
  }

  /** Removes this very account, if it still holds its id here. */
  synchronized void remove(Account account, int hash) {
    Account[] table = slots;
    int mask = table.length - 1;
    for (int i = hash & mask; table[i] != null; i = (i + 1) & mask) {
      if (table[i] == account) {
        SLOT.setRelease(table, i, REMOVED);
        size--;
        return;
      }
    }
  }

  int size() {
    return size;
  }

  /** Passes each live account to {@code action}, in slot order; weakly consistent. */
  void forEach(Consumer<? super Account> action) {
    Account[] table = slots;
    for (int i = 0; i < table.length; i++) {
      Account account = (Account) SLOT.getAcquire(table, i);
      if (account != null && account != REMOVED) {
        action.accept(account);
      }
    }
  }

  /**
   * The id's hash: a multiplication by 2^64 over the golden ratio, which spreads ids that run in
   * sequence, as customer numbers do, over the high bits, folded onto the low ones. The registry
   * picks a segment by the high bits, a segment its first slot by the low ones. One multiply: at
   * 10k accounts, where nothing misses the cache, murmur3's finalizer (two) made orders measurably
   * slower.
   */
  static long hash(long accountId) {
    long h = accountId * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 32);
  }

  /** Copies the live accounts into a table where they fill at most a quarter to a half. */
  private void rebuild() {
    Account[] old = slots;
    int capacity = MIN_CAPACITY;
    while (capacity < size * 3) {
      capacity <<= 1;
    }
    Account[] table = new Account[capacity];
    int mask = capacity - 1;
    for (Account account : old) {
      if (account != null && account != REMOVED) {
        int i = (int) hash(account.id()) & mask;
        while (table[i] != null) {
          i = (i + 1) & mask;
        }
        table[i] = account;
      }
    }
    used = size;
    slots = table; // volatile write: publishes the filled table
  }
}
