package com.accountwall.bench;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.CoarseClock;
import com.accountwall.core.WidgetsOrdered;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The seed's {@code get_all_account_widgets_ordered} at a million accounts (ids scattered, as
 * customers' are), beside the same listing built from a bare {@code ConcurrentHashMap<Long,
 * LongAdder>}: every entry read, sorted by id, one record per account.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ListingBenchmark {
  @Param({"1000000"})
  int accounts;

  private AccountSupervisor supervisor;
  private ConcurrentHashMap<Long, LongAdder> baseline;

  @Setup(Level.Trial)
  public void fill() {
    supervisor = AccountSupervisor.builder().clock(new CoarseClock()).build();
    baseline = new ConcurrentHashMap<>();
    SplittableRandom random = new SplittableRandom(1);
    while (supervisor.count() < accounts) {
      long id = 1 + random.nextLong(Long.MAX_VALUE - 1);
      supervisor.findOrCreate(id);
      baseline.computeIfAbsent(id, key -> new LongAdder()).increment();
    }
  }

  @Benchmark
  public List<WidgetsOrdered> wall() {
    return supervisor.allWidgetsOrdered();
  }

  @Benchmark
  public List<WidgetsOrdered> baseline() {
    List<Map.Entry<Long, LongAdder>> entries = new ArrayList<>(baseline.entrySet());
    entries.sort(Map.Entry.comparingByKey());
    List<WidgetsOrdered> widgets = new ArrayList<>(entries.size());
    for (Map.Entry<Long, LongAdder> entry : entries) {
      widgets.add(new WidgetsOrdered(entry.getKey(), entry.getValue().sum()));
    }
    return widgets;
  }
}
