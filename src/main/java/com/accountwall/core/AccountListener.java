package com.accountwall.core;

/**
 * Hears what happens to accounts: for the window, and for anything else that follows the wall.
 *
 * <p>Events come on the thread that caused them. {@code accountCreated} comes before any other
 * event of its account and before any event of a later account with the same id; {@code
 * accountEnded} comes once, before the id can be taken again. {@code accountChanged} events of one
 * account may come in any order among themselves, and one from an order that landed just before the
 * end may come after {@code accountEnded}: the {@link Account} passed is the live object, so read
 * it, and {@link Account#isEnded()}, for the current state rather than counting events.
 *
 * <p>{@code accountCreated} is delivered while the registry holds a lock on the account's entry, so
 * a listener must be quick, must not block, and must not call back into the supervisor to change
 * it; the usual shape is to note the account and do the work elsewhere. An exception thrown by a
 * listener is logged and affects neither the order that caused the event nor any other listener.
 */
public interface AccountListener {

  /** A new account took its first order. */
  default void accountCreated(Account account) {}

  /** A live account took another order, or its profile arrived from the directory or changed. */
  default void accountChanged(Account account) {}

  /**
   * An order was added: {@code quantity} widgets made at {@code atMillis} (the order's own time),
   * after its account's {@code accountCreated} or {@code accountChanged}. Only orders: an account
   * put back from the history, corrected by a re-projection or named by the directory is not one.
   * For figures that count orders and widgets as they come, such as today's.
   */
  default void accountOrdered(Account account, long quantity, long atMillis) {}

  /** The account's lifetime passed without an order, or it was ended on request. */
  default void accountEnded(Account account) {}
}
