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
   * @return the account just after the order
   * @throws IllegalArgumentException if {@code accountId} or {@code quantity} is not positive
   */
  AccountDetails order(long accountId, long quantity);
}
