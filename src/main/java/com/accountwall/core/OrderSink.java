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
   * @return the live account the order landed on; {@link Account#details()} reads it without a
   *     lock, so orders racing this one may show in it, in the way that method says
   * @throws IllegalArgumentException if {@code accountId} or {@code quantity} is not positive
   */
  Account order(long accountId, long quantity);
}
