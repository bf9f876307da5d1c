package com.accountwall.kafka;

import com.accountwall.core.Account;
import com.accountwall.journal.Receipt;

/**
 * What the log follower tells the request that wrote an event, once this wall has applied it: one
 * kind per kind of event. Immutable.
 */
sealed interface AppliedEvent {

  /**
   * An order event without a key: the live account its last order landed on, or null if none is
   * live by now.
   */
  record Landed(Account account) implements AppliedEvent {}

  /** An end event: whether the account was live at that point of the log. */
  record Ended(boolean wasLive) implements AppliedEvent {}

  /**
   * A keyed order event: whether the part was applied, and the request's receipt if it held the
   * request's last order.
   */
  record KeyedPart(AppliedKeys.Part part, Receipt receipt) implements AppliedEvent {}
}
