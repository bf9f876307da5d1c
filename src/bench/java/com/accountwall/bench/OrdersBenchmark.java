package com.accountwall.bench;

import com.accountwall.core.Account;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.CoarseClock;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Orders into the core for random live accounts, beside the least a counter per id can do: a {@code
 * ConcurrentHashMap<Long, LongAdder>} on the same ids and threads. Run with -t 1 and -t 2.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OrdersBenchmark {
  @Param({"10000", "100000", "1000000"})
  int accounts;

  private AccountSupervisor supervisor;
  private ConcurrentHashMap<Long, LongAdder> baseline;

  @Setup(Level.Trial)
  public void fill() {
    supervisor = AccountSupervisor.builder().clock(new CoarseClock()).build();
    baseline = new ConcurrentHashMap<>();
    for (long id = 1; id <= accounts; id++) {
      supervisor.findOrCreate(id);
      baseline.computeIfAbsent(id, key -> new LongAdder()).increment();
    }
  }

  /** Each thread's own random ids. */
  @State(Scope.Thread)
  public static class Ids {
    private final SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());

    long next(int bound) {
      return 1 + random.nextInt(bound);
    }
  }

  @Benchmark
  public Account wall(Ids ids) {
    return supervisor.order(ids.next(accounts), 1);
  }

  @Benchmark
  public void baseline(Ids ids) {
    baseline.get(ids.next(accounts)).increment();
  }
}
