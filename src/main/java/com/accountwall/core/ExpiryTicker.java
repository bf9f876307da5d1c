package com.accountwall.core;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link AccountSupervisor#expireDue()} on a daemon thread every {@link #PERIOD}, so an account
 * ends at most that long after its deadline. A sweep with nothing due costs next to nothing, whatever
 * the number of live accounts.
 */
public final class ExpiryTicker implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ExpiryTicker.class.getName());

  public static final Duration PERIOD = Duration.ofMillis(100);

  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "account-expiry");
            thread.setDaemon(true);
            return thread;
          });

  public ExpiryTicker(AccountSupervisor supervisor) {
    long period = PERIOD.toMillis();
    scheduler.scheduleWithFixedDelay(() -> sweep(supervisor), period, period, TimeUnit.MILLISECONDS);
  }

  private static void sweep(AccountSupervisor supervisor) {
    try {
      supervisor.expireDue();
    } catch (RuntimeException e) {
      // An escaping exception would cancel every later sweep.
      LOG.log(Level.ERROR, "expiry sweep failed; the next one retries", e);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
