package com.accountwall.store;

/** An order was applied but could not be made durable in time, so it was not acknowledged. */
public final class StoreUnavailableException extends RuntimeException {
  StoreUnavailableException(String message) {
    super(message);
  }
}
