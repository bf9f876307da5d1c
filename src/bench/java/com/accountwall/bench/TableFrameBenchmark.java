package com.accountwall.bench;

import com.accountwall.core.Account;
import com.accountwall.core.AccountListener;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.ui.figures.TeamTotals;
import com.accountwall.ui.leaderboard.Leaderboard;
import com.accountwall.ui.table.AccountRow;
import com.accountwall.ui.table.TableModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * One frame of the table's model under load, without the window: {@code changed} accounts of {@code
 * rows} live ones took an order since the last frame (at 100,000 orders/s and 25 frames/s, 4,000),
 * and the frame copies them into their rows, tells the Top 10 and the teams' totals, and re-sorts
 * the rows by widgets, as the window does on the JavaFX thread. The cost per frame of what {@link
 * TableHarness} measures whole; this one needs no screen and holds still on a busy machine, so two
 * trees compare here first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TableFrameBenchmark {
  private static final Comparator<AccountRow> MOST_WIDGETS =
      Comparator.comparingLong(AccountRow::getWidgetsSold).reversed();

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  @Param("100000")
  int rows;

  @Param("4000")
  int changed;

  private final SplittableRandom random = new SplittableRandom(42);
  private final Set<Account> orderedSinceFrame = new LinkedHashSet<>();
  private AccountSupervisor supervisor;
  private TableModel table;
  private Leaderboard leaderboard;
  private List<Account> frameChanges;
  private long frameNanos;

  @Setup(Level.Trial)
  public void fill() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    supervisor = AccountSupervisor.builder().clock(clock).lifetime(Duration.ofDays(1)).build();
    List<Account> live = new ArrayList<>();
    for (long id = 1; id <= rows; id++) {
      live.add(supervisor.order(id, 1));
    }
    table = new TableModel(clock.instant(), Duration.ofDays(1), live);
    leaderboard = new Leaderboard();
    table.addRowListener(leaderboard);
    table.addEveryRowListener(new TeamTotals());
    table.apply(live, List.of(), frameNanos);
    table.getRows().sort(MOST_WIDGETS);
    supervisor.addListener(
        new AccountListener() {
          @Override
          public void accountChanged(Account account) {
            orderedSinceFrame.add(account);
          }
        });
  }

  @Setup(Level.Invocation)
  public void order() {
    orderedSinceFrame.clear();
    while (orderedSinceFrame.size() < changed) {
      supervisor.order(1 + random.nextInt(rows), 1 + random.nextInt(5));
    }
    frameChanges = new ArrayList<>(orderedSinceFrame);
  }

  /** The frame's changes alone. */
  @Benchmark
  public int apply() {
    frameNanos += 16_666_667;
    table.apply(frameChanges, List.of(), frameNanos);
    table.advance(frameNanos, NOW);
    leaderboard.onFrame(table.getRows(), frameNanos);
    return table.getRows().size();
  }

  /** The frame's changes and a re-sort after them, as while the load leaves time for one. */
  @Benchmark
  public int applyAndSort() {
    int size = apply();
    table.getRows().sort(MOST_WIDGETS);
    return size;
  }
}
