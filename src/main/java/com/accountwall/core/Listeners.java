package com.accountwall.core;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The supervisor's listeners, each called in isolation: one that throws anything is logged and
 * skipped.
 */
final class Listeners {
  private static final System.Logger LOG = System.getLogger(AccountSupervisor.class.getName());

  private final List<AccountListener> listeners = new CopyOnWriteArrayList<>();

  void add(AccountListener listener) {
    listeners.add(listener);
  }

  void remove(AccountListener listener) {
    listeners.remove(listener);
  }

  /** Delivers one event; {@code event} is a method reference, so nothing is allocated per call. */
  void fire(BiConsumer<AccountListener, Account> event, Account account) {
    for (AccountListener listener : listeners) {
      try {
        event.accept(listener, account);
      } catch (Throwable e) {
        // An Error too: escaping here, it would skip the other listeners and leave an ended account
        // in the registry, or the rest of an expiry sweep's accounts unexpired for good.
        LOG.log(Level.ERROR, "listener " + listener + " failed on " + account, e);
      }
    }
  }

  /** Delivers an order, as {@link AccountListener#accountOrdered}. */
  void fireOrdered(Account account, long quantity, long atMillis) {
    for (AccountListener listener : listeners) {
      try {
        listener.accountOrdered(account, quantity, atMillis);
      } catch (Throwable e) {
        LOG.log(Level.ERROR, "listener " + listener + " failed on an order of " + account, e);
      }
    }
  }
}
