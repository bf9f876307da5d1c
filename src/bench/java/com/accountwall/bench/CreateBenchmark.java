package com.accountwall.bench;

import com.accountwall.core.Account;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.CoarseClock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Find-or-create of ids never seen before, beside {@code computeIfAbsent} of a {@link LongAdder}
 * per new id. Each iteration starts from an empty supervisor, so the figures are for a growing
 * wall.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CreateBenchmark {
  private static final CoarseClock CLOCK = new CoarseClock();

  private AccountSupervisor supervisor;
  private ConcurrentHashMap<Long, LongAdder> baseline;
  private final AtomicLong threads = new AtomicLong();

  @Setup(Level.Iteration)
  public void empty() {
    supervisor = AccountSupervisor.builder().clock(CLOCK).build();
    baseline = new ConcurrentHashMap<>();
  }

  /** Each thread's own run of fresh ids, far apart from the other threads'. */
  @State(Scope.Thread)
  public static class FreshIds {
    private long next;

    @Setup(Level.Iteration)
    public void start(CreateBenchmark benchmark) {
      next = benchmark.threads.incrementAndGet() << 40;
    }

    long next() {
      return ++next;
    }
  }

  @Benchmark
  public Account wall(FreshIds ids) {
    return supervisor.findOrCreate(ids.next());
  }

  @Benchmark
  public LongAdder baseline(FreshIds ids) {
    return baseline.computeIfAbsent(ids.next(), id -> new LongAdder());
  }
}
