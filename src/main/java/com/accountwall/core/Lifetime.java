package com.accountwall.core;

import java.time.Duration;

/**
 * How long an account lives after its last order, shared by every account of one supervisor so that
 * a change applies to all of them at once. Thread-safe: a single volatile field.
 */
final class Lifetime {
  private volatile long millis;

  Lifetime(Duration lifetime) {
    set(lifetime);
  }

  long millis() {
    return millis;
  }

  Duration get() {
    return Duration.ofMillis(millis);
  }

  void set(Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive, was " + lifetime);
    }
    millis = lifetime.toMillis();
  }
}
