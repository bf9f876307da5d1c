package com.accountwall.bench;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.CoarseClock;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Heap per live account: the heap after a full GC with N accounts, less the heap before, divided by
 * N. It counts everything the core keeps for an account: its registry slot, the account, and its
 * place in the expiry calendar. Beside it, the same figure for a bare {@code
 * ConcurrentHashMap<Long, LongAdder>}.
 *
 * <pre>
 * mvn -q -Pbench test-compile exec:exec -Dbench.main=com.accountwall.bench.MemoryHarness -Dbench.args=1000000
 * </pre>
 */
public final class MemoryHarness {
  private MemoryHarness() {}

  public static void main(String[] args) {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    System.out.printf(
        "JDK %s, %d cores, %,d accounts%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(), accounts);

    long before = usedAfterGc();
    AccountSupervisor supervisor = AccountSupervisor.builder().clock(new CoarseClock()).build();
    for (long id = 1; id <= accounts; id++) {
      supervisor.findOrCreate(id * 7_919); // scattered ids
    }
    double wall = (double) (usedAfterGc() - before) / accounts;
    if (supervisor.count() != accounts) {
      throw new AssertionError("expected " + accounts + " accounts");
    }
    supervisor = null;

    before = usedAfterGc();
    ConcurrentHashMap<Long, LongAdder> baseline = new ConcurrentHashMap<>();
    for (long id = 1; id <= accounts; id++) {
      baseline.computeIfAbsent(id * 7_919, key -> new LongAdder()).increment();
    }
    double bare = (double) (usedAfterGc() - before) / accounts;
    if (baseline.size() != accounts) {
      throw new AssertionError("expected " + accounts + " entries");
    }

    System.out.printf("wall:     %6.1f bytes per live account%n", wall);
    System.out.printf(
        "baseline: %6.1f bytes per entry (ConcurrentHashMap<Long, LongAdder>)%n", bare);
    System.out.printf("ratio:    %6.2f%n", wall / bare);
  }

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
