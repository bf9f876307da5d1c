package com.accountwall.ui;

import com.accountwall.core.Account;
import com.accountwall.core.AccountListener;
import com.accountwall.core.AccountSupervisor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The wall's state on the JavaFX thread: one {@link AccountRow} per live account, plus the figures
 * on top ({@link WallKpis}) and the {@link Leaderboard}, kept in step with an {@link AccountSupervisor}.
 *
 * <p>Core threads only note which accounts changed or ended, in two concurrent sets, so a burst of
 * orders for one account costs one update. Once per frame (an {@link AnimationTimer}) the JavaFX
 * thread takes both sets and applies them as one batch, then runs {@link #setOnBatchApplied the
 * batch hook} once, where the table re-sorts (within a share of the thread's time: see {@link
 * #runBatchHook}). No {@code Platform.runLater} per order.
 *
 * <p>Arrivals, count changes and endings are animated from the same frame by {@link RowAnimations}:
 * a new row fades in and is marked arriving, a changed count is marked bumped, an ended account's
 * row fades out and only then leaves {@link #getRows()}.
 *
 * <p>Each batch also hands the figures how many orders the core announced since the last one, so
 * they need no pass over the accounts. Other parts that move with the frames, such as paging, join
 * through {@link #addFrameListener}.
 */
public final class WallViewModel implements AccountListener {
  /** The re-sorting hook may take at most one part in this many of the JavaFX thread's time. */
  private static final int SORT_SHARE_DIVISOR = 10;
  /** Below this many rows a re-sort costs well under a millisecond: it runs after every batch. */
  private static final int ALWAYS_SORT_BELOW = 10_000;

  private final AccountSupervisor supervisor;
  private final Clock clock;

  // Written by core threads, taken by the JavaFX thread.
  private final Set<Account> changed = ConcurrentHashMap.newKeySet();
  private final Set<Account> ended = ConcurrentHashMap.newKeySet();
  private final LongAdder ordersSinceBatch = new LongAdder();

  // Confined to the JavaFX thread.
  private final AccountRows rows = new AccountRows();
  private final Map<Account, AccountRow> rowsByAccount = new HashMap<>();
  private final RowAnimations animations = new RowAnimations();
  private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
  private final WallKpis kpis = new WallKpis();
  private final Leaderboard leaderboard = new Leaderboard();
  private final List<LongConsumer> frameListeners = new ArrayList<>();
  /** Accounts live before this view: they arrive in its first batch, but none is the newest account. */
  private final Set<Account> earlier;
  private Runnable onBatchApplied = () -> {};
  private boolean batchPending;
  private long nextBatchHookNanos = Long.MIN_VALUE;

  private final AnimationTimer frames = new AnimationTimer() {
    @Override
    public void handle(long frameNanos) {
      onFrame(frameNanos);
    }
  };

  public WallViewModel(AccountSupervisor supervisor, Clock clock) {
    this.supervisor = supervisor;
    this.clock = clock;
    now.set(clock.instant());
    supervisor.addListener(this);
    // Accounts that were live before this view, such as those restored on start, arrive as changes.
    earlier = new HashSet<>(supervisor.accounts());
    changed.addAll(earlier);
  }

  /** Starts following the core once per frame. */
  public void start() {
    frames.start();
  }

  public void stop() {
    frames.stop();
    supervisor.removeListener(this);
  }

  /** The rows, one per live account and one per account still fading out; the table sorts it. */
  public AccountRows getRows() {
    return rows;
  }

  public WallKpis getKpis() {
    return kpis;
  }

  public Leaderboard getLeaderboard() {
    return leaderboard;
  }

  /** Calls {@code listener} with each frame's time (ns), after the rows and figures are updated. */
  public void addFrameListener(LongConsumer listener) {
    frameListeners.add(listener);
  }

  /** The wall's notion of now, for the time left; moves once a second. */
  public ReadOnlyObjectProperty<Instant> nowProperty() {
    return now.getReadOnlyProperty();
  }

  /**
   * Runs on the JavaFX thread after batches of changes have been applied to the rows: after each
   * one while it is cheap, less often when it is not (see {@link #runBatchHook}).
   */
  public void setOnBatchApplied(Runnable hook) {
    this.onBatchApplied = hook;
  }

  /** Re-reads every row, for changes that reach all accounts at once, such as a new lifetime. */
  public void refreshAll() {
    rows.forEach(AccountRow::refresh);
    rows.markAllMoved();
    onBatchApplied.run();
  }

  @Override
  public void accountCreated(Account account) {
    ordersSinceBatch.increment(); // an account is created by its first order
    changed.add(account);
  }

  @Override
  public void accountChanged(Account account) {
    ordersSinceBatch.increment();
    changed.add(account);
  }

  @Override
  public void accountEnded(Account account) {
    ended.add(account);
  }

  /** One frame: applies what the core did since the last one and advances the animations. */
  void onFrame(long frameNanos) {
    Instant instant = clock.instant();
    if (!changed.isEmpty() || !ended.isEmpty()) {
      long orders = ordersSinceBatch.sumThenReset();
      applyChanged(frameNanos);
      applyEnded(frameNanos);
      kpis.totals(supervisor.count(), supervisor.totalWidgetsOrdered());
      if (orders > 0) {
        kpis.ordered(orders, instant);
      }
      batchPending = true;
    }
    List<AccountRow> gone = animations.advance(frameNanos);
    if (!gone.isEmpty()) {
      gone.forEach(row -> rowsByAccount.remove(row.account()));
      rows.removeAll(Set.copyOf(gone));
    }
    if (instant.getEpochSecond() != now.get().getEpochSecond()) {
      now.set(instant);
    }
    kpis.onFrame(frameNanos, instant);
    leaderboard.onFrame(rows, frameNanos);
    frameListeners.forEach(listener -> listener.accept(frameNanos));
    if (batchPending && frameNanos >= nextBatchHookNanos) {
      runBatchHook(frameNanos);
    }
  }

  /**
   * Runs the hook once for every batch applied since it last ran. Counts show at once, but with a
   * hundred thousand rows a re-sort costs milliseconds: so that it never starves the frames, the
   * hook waits, after each run, for {@link #SORT_SHARE_DIVISOR} - 1 times as long as that run took.
   * Not longer: the rows that moved meanwhile are what the next sort costs, so rarer sorts are
   * longer stalls (a 25th, tried, made each sort 50-70 ms). A table of fewer than {@value
   * #ALWAYS_SORT_BELOW} rows re-sorts after every batch, whatever one run happened to take.
   */
  private void runBatchHook(long frameNanos) {
    long start = System.nanoTime();
    onBatchApplied.run();
    long took = System.nanoTime() - start;
    nextBatchHookNanos = rows.size() < ALWAYS_SORT_BELOW ? frameNanos : frameNanos + (SORT_SHARE_DIVISOR - 1) * took;
    batchPending = false;
  }

  private void applyChanged(long frameNanos) {
    List<AccountRow> arrivals = new ArrayList<>();
    for (Account account : drain(changed)) {
      AccountRow row = rowsByAccount.get(account);
      if (row == null) {
        if (account.isEnded()) {
          continue; // came and went within one frame: nothing to show
        }
        row = new AccountRow(account);
        if (earlier.isEmpty() || !earlier.remove(account)) {
          kpis.arrived(row);
        }
        animations.arrive(row, frameNanos);
        leaderboard.offer(row);
        rowsByAccount.put(account, row);
        arrivals.add(row);
        continue;
      }
      if (row.refresh() && !row.isEnding()) {
        animations.bump(row, frameNanos);
        leaderboard.offer(row);
      }
      rows.markMoved(row);
    }
    rows.addArrivals(arrivals);
  }

  private void applyEnded(long frameNanos) {
    for (Account account : drain(ended)) {
      AccountRow row = rowsByAccount.get(account);
      if (row != null && !row.isEnding()) {
        if (row.refresh()) {
          rows.markMoved(row); // it ordered once more before it ended; mostly nothing moves
        }
        animations.end(row, frameNanos);
        leaderboard.ended(row);
      }
    }
  }

  private static List<Account> drain(Set<Account> pending) {
    List<Account> taken = new ArrayList<>(pending.size());
    for (var it = pending.iterator(); it.hasNext(); ) {
      taken.add(it.next());
      it.remove();
    }
    return taken;
  }
}
