package com.accountwall.core;

/**
 * An order of {@code quantity} widgets by {@code accountId}, checked when made: the constructor
 * throws IllegalArgumentException naming the value if either is not positive.
 */
public record Order(long accountId, long quantity) {
  public Order {
    Account.requireValidId(accountId);
    Account.requireValidQuantity(quantity);
  }
}
