package com.accountwall.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Expiry goes on whatever a sweep throws; the test clock decides when deadlines pass, latches when
 * it is seen.
 */
class ExpiryTickerTest {
  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
  private static final Duration LIFETIME = Duration.ofMinutes(1);
  private static final long WAIT_SECONDS = 10;

  private final MutableClock time = new MutableClock(START);
  private final FailingClock clock = new FailingClock(time);
  private final AccountSupervisor supervisor =
      AccountSupervisor.builder().clock(clock).lifetime(LIFETIME).build();
  private ExpiryTicker ticker;

  @AfterEach
  void stop() {
    ticker.close();
  }

  @Test
  void aListenerThrowingAnErrorStopsNeitherItsSweepNorTheNextOnes() throws Exception {
    supervisor.addListener(
        new AccountListener() {
          @Override
          public void accountEnded(Account account) {
            throw new LinkageError("a listener with a class missing at run time");
          }
        });
    Ends ends = new Ends(3);
    supervisor.addListener(ends);
    supervisor.orderWidget(1);
    supervisor.orderWidget(2);
    time.advance(Duration.ofSeconds(30));
    supervisor.orderWidget(3);
    ticker = new ExpiryTicker(supervisor);

    time.advance(Duration.ofSeconds(30));
    assertTrue(
        ends.await(Set.of(1L, 2L)),
        "both accounts of the sweep end, and the other listener hears it");

    time.advance(Duration.ofSeconds(30));
    assertTrue(ends.await(Set.of(1L, 2L, 3L)), "a later sweep ends the next account");
    // Sweeps run one after the other, so the first one has finished: its accounts left the
    // registry.
    assertFalse(
        supervisor.exists(1) || supervisor.exists(2), "the first sweep's accounts are gone");
  }

  @Test
  void anErrorEscapingASweepDoesNotStopTheNextOnes() throws Exception {
    Ends ends = new Ends(1);
    supervisor.addListener(ends);
    supervisor.orderWidget(1);
    clock.failNextRead(new StackOverflowError("deep in a sweep"));
    ticker = new ExpiryTicker(supervisor);
    assertTrue(clock.failed.await(WAIT_SECONDS, TimeUnit.SECONDS), "a sweep met the error");

    time.advance(LIFETIME);

    assertTrue(ends.await(Set.of(1L)), "a later sweep ends the account");
  }

  /** Counts down as accounts end, and says which. */
  private static final class Ends implements AccountListener {
    private final Set<Long> ended = ConcurrentHashMap.newKeySet();
    private final CountDownLatch all;

    Ends(int expected) {
      all = new CountDownLatch(expected);
    }

    @Override
    public void accountEnded(Account account) {
      ended.add(account.id());
      all.countDown();
    }

    /** Whether {@code ids} have ended, waiting up to {@link #WAIT_SECONDS} for it. */
    boolean await(Set<Long> ids) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (!ended.containsAll(ids) && System.nanoTime() < deadline) {
        all.await(10, TimeUnit.MILLISECONDS);
      }
      return ended.containsAll(ids);
    }
  }

  /** The test's time, which throws once when told to, as a failure deep inside a sweep would. */
  private static final class FailingClock extends Clock {
    private final Clock time;
    private final AtomicReference<Error> next = new AtomicReference<>();
    final CountDownLatch failed = new CountDownLatch(1);

    FailingClock(Clock time) {
      this.time = time;
    }

    void failNextRead(Error error) {
      next.set(error);
    }

    @Override
    public Instant instant() {
      Error error = next.getAndSet(null);
      if (error != null) {
        failed.countDown();
        throw error;
      }
      return time.instant();
    }

    @Override
    public ZoneId getZone() {
      return time.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("a test clock has one zone");
    }
  }
}
