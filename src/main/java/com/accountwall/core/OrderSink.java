package com.accountwall.core;

/**
 * Where order sources (the generator, the window's buttons) send orders. {@link AccountSupervisor}
 * is the plain in-memory sink; a sink that records orders durably first can stand in front of it.
 */
@FunctionalInterface
public interface OrderSink {

  /**
   * Records that {@code accountId} ordered {@code quantity} widgets, creating the account if it is
   * not live.
   *
   * @return the live account the order landed on; take {@link Account#details()} for a
   *     consistent snapshot of it
   * @throws IllegalArgumentException if {@code accountId} or {@code quantity} is not positive
   */
  Account order(long accountId, long quantity);
}
