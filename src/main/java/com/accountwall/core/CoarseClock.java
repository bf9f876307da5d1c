package com.accountwall.core;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The system clock in UTC, read from a field that a daemon thread refreshes every {@value
 * #RESOLUTION_MILLIS} ms. Every order reads the time; a volatile load costs it about a nanosecond
 * where the system clock costs tens, which is a third of an order's whole cost. Deadlines are hours
 * long, so a millisecond of resolution changes nothing a person can see. Thread-safe.
 */
public final class CoarseClock extends Clock implements AutoCloseable {
  static final long RESOLUTION_MILLIS = 1;

  private final Thread refresher;
  private volatile long millis = System.currentTimeMillis();
  private volatile boolean running = true;

  public CoarseClock() {
    refresher = DaemonThreads.named("coarse-clock").newThread(this::refresh);
    refresher.start();
  }

  private void refresh() {
    while (running) {
      millis = System.currentTimeMillis();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RESOLUTION_MILLIS));
    }
  }

  @Override
  public long millis() {
    return millis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(ZoneOffset.UTC) ? this : Clock.system(zone);
  }

  @Override
  public void close() {
    running = false;
    LockSupport.unpark(refresher);
  }
}
