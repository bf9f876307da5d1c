package com.accountwall.core;

/**
 * What the window's buttons do to accounts: order, and end one now. {@link AccountSupervisor} does
 * both in memory; an order journal does both through its log, so that in cluster mode a click
 * reaches every wall.
 */
public interface AccountDesk extends OrderSink {

  /**
   * Ends the live account with this id now, as if its lifetime had passed.
   *
   * @return whether an account was live and has now ended
   * @throws IllegalArgumentException if {@code accountId} is not positive
   */
  boolean end(long accountId);
}
