package com.accountwall.core;

/**
 * Hears what happens to accounts: for the window, and for anything else that follows the wall.
 *
 * <p>Events of one account arrive in the order they happened, {@code accountCreated} first and
 * {@code accountEnded} last, because they are delivered while that account's monitor is held. So a
 * listener must be quick and must not block or call back into the supervisor to change it; the
 * usual shape is to note the account and do the work elsewhere. The {@link Account} passed is the
 * live object: read it for current values. An exception thrown by a listener is logged and
 * affects neither the order that caused the event nor any other listener.
 */
public interface AccountListener {

  /** A new account took its first order. */
  default void accountCreated(Account account) {}

  /** A live account took another order, or its profile arrived from the directory. */
  default void accountChanged(Account account) {}

  /** The account's lifetime passed without an order, or it was ended on request. */
  default void accountEnded(Account account) {}
}
