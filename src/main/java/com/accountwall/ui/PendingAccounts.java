package com.accountwall.ui;

import com.accountwall.core.Account;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accounts the core's threads noted since the JavaFX thread last took them, each once however often
 * it was noted: so a burst of orders for one account costs the frame one update.
 *
 * <p><b>A fresh set per take.</b> A {@link ConcurrentHashMap} never shrinks, and going through one
 * costs its table, not its entries: a set that once held every account of a wall starting with a
 * hundred thousand would be scanned whole, and emptied entry by entry, every frame. So {@link
 * #take} hands over the whole set and leaves a new one sized for a frame like this one.
 *
 * <p><b>Nothing noted is lost.</b> {@link #note} adds to the set it read, then reads which set is
 * current again, and if {@link #take} replaced it meanwhile, adds to the new one too, and so on
 * until a read after its add finds the set it added to. That read coming before the set's
 * replacement, so did the add, and so before the take went through the set, which then holds the
 * account. (Adding to the new set once is not enough: it may be taken too before the add lands, as
 * a test racing takes against notes showed, one account in 80,000.) An account may so come in
 * several takes in a row: harmless to a reader that reads the account afresh each time.
 *
 * <p><b>Thread safety:</b> {@link #note} from any thread; {@link #take} and {@link #isEmpty} from
 * one thread at a time (the JavaFX thread).
 */
final class PendingAccounts {
  private static final int LEAST_CAPACITY = 16;

  private volatile Set<Account> pending = ConcurrentHashMap.newKeySet();

  /** Notes {@code account} for the next take. */
  void note(Account account) {
    Set<Account> noted = pending;
    for (; ; ) {
      noted.add(account);
      Set<Account> current = pending;
      if (current == noted) {
        return;
      }
      noted = current; // taken meanwhile, perhaps gone through already: into the new one too
    }
  }

  /** Notes each of {@code accounts} for the next take. */
  void noteAll(Collection<Account> accounts) {
    accounts.forEach(this::note);
  }

  /** Whether nothing was noted since the last take; may miss a note made meanwhile. */
  boolean isEmpty() {
    return pending.isEmpty();
  }

  /** The accounts noted since the last take, each once. */
  List<Account> take() {
    Set<Account> taken = pending;
    pending = ConcurrentHashMap.newKeySet(Math.max(LEAST_CAPACITY, taken.size()));
    return new ArrayList<>(taken);
  }
}
