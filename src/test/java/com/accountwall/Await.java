package com.accountwall;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for another thread's or process's progress: polls a condition until it holds, and fails the
 * test, saying what was awaited, once a deadline passes. Never a way to time anything: a test that
 * waits for a timer moves a test clock instead.
 */
public final class Await {
  private static final long POLL_MILLIS = 20;

  private Await() {}

  /**
   * Returns once {@code condition} holds; fails with {@code what} if it does not within {@code
   * timeout}.
   */
  public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("not within " + timeout.toSeconds() + " s: " + what.get());
      }
      TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
    }
  }
}
