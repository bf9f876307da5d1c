package com.accountwall.core;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link AccountSupervisor#expireDue()} on a daemon thread every {@link #PERIOD}, so an
 * account ends at most that long after its deadline. A sweep with nothing due costs next to
 * nothing, whatever the number of live accounts. A sweep that fails, with any {@link Throwable}, is
 * logged and the next one runs as usual.
 */
public final class ExpiryTicker implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ExpiryTicker.class.getName());

  public static final Duration PERIOD = Duration.ofMillis(100);

  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("account-expiry"));

  public ExpiryTicker(AccountSupervisor supervisor) {
    long period = PERIOD.toMillis();
    var unused =
        scheduler.scheduleWithFixedDelay(
            () -> sweep(supervisor), period, period, TimeUnit.MILLISECONDS);
  }

  private static void sweep(AccountSupervisor supervisor) {
    try {
      supervisor.expireDue();
    } catch (Throwable e) {
      // Anything escaping a scheduled task cancels every later run, and silently. So an Error stops
      // here too, even a VirtualMachineError: by now a StackOverflowError or OutOfMemoryError has
      // unwound, the next sweep may well succeed, and rethrowing would end only expiry, not the
      // process.
      LOG.log(Level.ERROR, "expiry sweep failed; the next one retries", e);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
