package com.accountwall.bench;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Expiry at scale, on a clock moved by hand so that the figures are CPU, not waiting.
 *
 * <ol>
 *   <li>N accounts whose deadlines all fall within one second are swept the way {@code
 *       ExpiryTicker} sweeps: every 100 ms of clock time. Reported: the CPU of the whole sweep, the
 *       longest single sweep, and how late the latest account ended (clock time), beside the CPU of
 *       removing N entries from a bare {@code ConcurrentHashMap}.
 *   <li>The cost of a sweep when nothing is due, at 10 thousand and at N live accounts: it must not
 *       grow with the number of accounts.
 * </ol>
 *
 * <pre>
 * mvn -q -Pbench test-compile exec:exec -Dbench.main=com.accountwall.bench.ExpiryHarness -Dbench.args=1000000
 * </pre>
 */
public final class ExpiryHarness {
  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
  private static final Duration LIFETIME = Duration.ofHours(1);
  private static final Duration TICK = Duration.ofMillis(100);
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private ExpiryHarness() {}

  public static void main(String[] args) {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    System.out.printf(
        "JDK %s, %d cores, %,d accounts%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(), accounts);
    sweepOfAccountsDueInOneSecond(accounts);
    idleSweep(10_000);
    idleSweep(accounts);
  }

  private static void sweepOfAccountsDueInOneSecond(int accounts) {
    MutableClock clock = new MutableClock(START);
    AccountSupervisor supervisor =
        AccountSupervisor.builder().clock(clock).lifetime(LIFETIME).build();
    long perMillisecond = Math.max(1, accounts / 1_000);
    for (long id = 1; id <= accounts; id++) {
      supervisor.findOrCreate(id);
      if (id % perMillisecond == 0) {
        clock.advance(Duration.ofMillis(1));
      }
    }
    Instant lastDeadline = clock.instant().plus(LIFETIME);
    clock.advance(LIFETIME.minus(Duration.ofSeconds(1)));

    long cpu = 0;
    long longestSweep = 0;
    int ended = 0;
    Instant lastEnd = null;
    while (supervisor.count() > 0) {
      clock.advance(TICK);
      long start = CPU.getCurrentThreadCpuTime();
      int now = supervisor.expireDue();
      long spent = CPU.getCurrentThreadCpuTime() - start;
      cpu += spent;
      longestSweep = Math.max(longestSweep, spent);
      ended += now;
      if (now > 0) {
        lastEnd = clock.instant();
      }
    }
    System.out.printf(
        "sweep of %,d accounts due within one second: %d ms CPU in all, longest sweep %d ms,"
            + " last account ended %d ms after its deadline (sweeps every %d ms)%n",
        ended,
        cpu / 1_000_000,
        longestSweep / 1_000_000,
        Duration.between(lastDeadline, lastEnd).toMillis(),
        TICK.toMillis());

    ConcurrentHashMap<Long, Long> baseline = new ConcurrentHashMap<>();
    for (long id = 1; id <= accounts; id++) {
      baseline.put(id, id);
    }
    long start = CPU.getCurrentThreadCpuTime();
    for (long id = 1; id <= accounts; id++) {
      baseline.remove(id);
    }
    long bare = CPU.getCurrentThreadCpuTime() - start;
    System.out.printf(
        "baseline: removing %,d entries from a ConcurrentHashMap: %d ms CPU; ratio %.1f%n",
        accounts, bare / 1_000_000, (double) cpu / bare);
  }

  private static void idleSweep(int accounts) {
    MutableClock clock = new MutableClock(START);
    AccountSupervisor supervisor =
        AccountSupervisor.builder().clock(clock).lifetime(LIFETIME).build();
    for (long id = 1; id <= accounts; id++) {
      supervisor.findOrCreate(id);
    }
    int sweeps = 1_000_000;
    for (int warm = 0; warm < sweeps; warm++) {
      supervisor.expireDue();
    }
    long start = System.nanoTime();
    for (int i = 0; i < sweeps; i++) {
      supervisor.expireDue();
    }
    System.out.printf(
        "sweep with nothing due, %,d live accounts: %.0f ns%n",
        accounts, (double) (System.nanoTime() - start) / sweeps);
  }
}
