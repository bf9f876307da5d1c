package com.accountwall.core;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.locks.LockSupport;

/**
 * The system clock in UTC, read from a field that a daemon thread refreshes every {@value
 * #RESOLUTION_MILLIS} ms while the clock is being read. Every order reads the time; a volatile load
 * costs it about a nanosecond where the system clock costs tens, which is a third of an order's
 * whole cost. Deadlines are hours long, so a millisecond of resolution changes nothing a person can
 * see.
 *
 * <p>A wall with nothing to do reads the clock seldom, and a thousand refreshes a second were three
 * quarters of its CPU (0.39 s of 0.51 s in 20 idle seconds). So a refresh that finds the clock
 * unread since the one before puts the thread to sleep; while it sleeps, a read takes the system
 * clock itself and wakes it.
 *
 * <p><b>Thread safety:</b> any thread may read it. The time only moves forward: the refresher and a
 * read while it sleeps both advance {@code millis} to the larger of it and the system clock. A read
 * sees {@code sleeping} false only after a refresh that came after the thread woke, so the field it
 * then reads is at most a refresh old; the refresher sets {@code sleeping} before its last look at
 * {@code read}, so a read that came meanwhile keeps it awake.
 */
public final class CoarseClock extends Clock implements AutoCloseable {
  static final long RESOLUTION_MILLIS = 1;
  private static final long RESOLUTION_NANOS = TimeUnit.MILLISECONDS.toNanos(RESOLUTION_MILLIS);

  // A field of its own rather than an AtomicLong, so that a read is one load, not two.
  private static final AtomicLongFieldUpdater<CoarseClock> MILLIS =
      AtomicLongFieldUpdater.newUpdater(CoarseClock.class, "millis");

  private final Thread refresher;
  private volatile long millis = System.currentTimeMillis();
  private volatile boolean read; // set by reads, cleared by the refresher at each refresh
  private volatile boolean sleeping;
  private volatile boolean running = true;

  public CoarseClock() {
    refresher = DaemonThreads.named("coarse-clock").newThread(this::refresh);
    refresher.start();
  }

  private void refresh() {
    while (running) {
      MILLIS.accumulateAndGet(this, System.currentTimeMillis(), Math::max);
      sleeping = false;
      if (read) {
        read = false;
        LockSupport.parkNanos(RESOLUTION_NANOS);
      } else {
        sleeping = true;
        if (!read) {
          LockSupport.park(); // until a read, or close, unparks it
        }
      }
    }
  }

  @Override
  public long millis() {
    if (sleeping) {
      read = true;
      LockSupport.unpark(refresher);
      return MILLIS.accumulateAndGet(this, System.currentTimeMillis(), Math::max);
    }
    if (!read) {
      read = true; // a write only on the first read after a refresh
    }
    return millis;
  }

  /** Whether the refresher sleeps until the next read; for the tests. */
  boolean isSleeping() {
    return sleeping;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
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
