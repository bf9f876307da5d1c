package com.accountwall.kafka;

import com.accountwall.core.Account;
import com.accountwall.core.AccountListener;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The accounts this wall's expiry ended lately. An order made just before an account's deadline
 * may reach a wall only after that wall's expiry ended the account; on a wall that read it in time
 * it extended the account. To agree with that wall, the order must extend the account here too:
 * {@link LogFollower} takes the ended account from here and puts it back with the order added.
 * Accounts ended by an end event, not by expiry, are forgotten, so they are never put back.
 *
 * <p>Entries older than {@link #KEEP_MILLIS} past their deadline are dropped: an order read later
 * than that after it was made starts a new account on this wall (the README's note on lag).
 *
 * <p><b>Thread safety:</b> expiry reports from the ticker's thread, the follower reads from its
 * own; all methods are synchronized and quick, as a listener must be.
 */
final class RecentExpiries implements AccountListener {
  static final long KEEP_MILLIS = 60_000;

  private final LinkedHashMap<Long, Account> ended = new LinkedHashMap<>(); // in order of ending

  @Override
  public synchronized void accountEnded(Account account) {
    ended.remove(account.id());
    ended.put(account.id(), account);
  }

  /** The account with this id that expiry ended lately, removed from here; or null. */
  synchronized Account take(long accountId, long nowMillis) {
    for (Iterator<Account> oldest = ended.values().iterator(); oldest.hasNext(); ) {
      if (oldest.next().expiresAt().toEpochMilli() + KEEP_MILLIS >= nowMillis) {
        break;
      }
      oldest.remove();
    }
    return ended.remove(accountId);
  }

  /** The account was ended by an end event: it must never be put back. */
  synchronized void forget(long accountId) {
    ended.remove(accountId);
  }
}
