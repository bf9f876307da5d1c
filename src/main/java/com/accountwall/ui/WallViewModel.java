package com.accountwall.ui;

import com.accountwall.core.Account;
import com.accountwall.core.AccountListener;
import com.accountwall.core.AccountSupervisor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The wall's state on the JavaFX thread: one {@link AccountRow} per live account, plus the figures
 * on top ({@link WallKpis}) and the {@link Leaderboard}, kept in step with an {@link AccountSupervisor}.
 *
 * <p>Core threads only note which accounts changed or ended, in two concurrent sets, so a burst of
 * orders for one account costs one update. Once per frame (an {@link AnimationTimer}) the JavaFX
 * thread takes both sets and applies them as one batch, then runs {@link #setOnBatchApplied the
 * batch hook} once, where the table re-sorts. No {@code Platform.runLater} per order.
 *
 * <p>Arrivals, count changes and endings are animated from the same frame: a new row fades in and is
 * marked arriving, a changed count is marked bumped, an ended account's row fades out over {@link
 * #FADE_OUT} and only then leaves {@link #getRows()}. The animation state lives in the row, so it
 * shows in whichever cell displays the row, however the table is sorted or scrolled.
 *
 * <p>Each batch also hands the figures the count increases it found, so they need no pass over
 * the accounts. Other parts that move with the frames, such as paging, join through {@link
 * #addFrameListener}.
 */
public final class WallViewModel implements AccountListener {
  static final Duration FADE_IN = Duration.ofMillis(600);
  static final Duration ARRIVING = Duration.ofMillis(2_500);
  static final Duration BUMPED = Duration.ofMillis(900);
  public static final Duration FADE_OUT = Duration.ofSeconds(1);

  private final AccountSupervisor supervisor;
  private final Clock clock;

  // Written by core threads, taken by the JavaFX thread.
  private final Set<Account> changed = ConcurrentHashMap.newKeySet();
  private final Set<Account> ended = ConcurrentHashMap.newKeySet();

  // Confined to the JavaFX thread.
  private final ObservableList<AccountRow> rows = FXCollections.observableArrayList();
  private final Map<Account, AccountRow> rowsByAccount = new HashMap<>();
  private final Set<AccountRow> animating = new LinkedHashSet<>();
  private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
  private final WallKpis kpis = new WallKpis();
  private final Leaderboard leaderboard = new Leaderboard();
  private final List<LongConsumer> frameListeners = new ArrayList<>();
  /** Accounts live before this view: their counts were ordered before it, so they are no new orders. */
  private final Set<Account> earlier;
  private long orderedThisBatch;
  private Runnable onBatchApplied = () -> {};

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
    earlier = new HashSet<>(supervisor.registry().accounts());
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
  public ObservableList<AccountRow> getRows() {
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

  /** Runs on the JavaFX thread after each batch of changes has been applied to the rows. */
  public void setOnBatchApplied(Runnable hook) {
    this.onBatchApplied = hook;
  }

  /** Re-reads every row, for changes that reach all accounts at once, such as a new lifetime. */
  public void refreshAll() {
    rows.forEach(AccountRow::refresh);
    onBatchApplied.run();
  }

  @Override
  public void accountCreated(Account account) {
    changed.add(account);
  }

  @Override
  public void accountChanged(Account account) {
    changed.add(account);
  }

  @Override
  public void accountEnded(Account account) {
    ended.add(account);
  }

  /** One frame: applies what the core did since the last one and advances the animations. */
  void onFrame(long frameNanos) {
    boolean batch = !changed.isEmpty() || !ended.isEmpty();
    Instant instant = clock.instant();
    if (batch) {
      orderedThisBatch = 0;
      applyChanged(frameNanos);
      applyEnded(frameNanos);
      kpis.totals(supervisor.count(), supervisor.totalWidgetsOrdered());
      if (orderedThisBatch > 0) {
        kpis.ordered(orderedThisBatch, instant);
      }
    }
    animate(frameNanos);
    if (instant.getEpochSecond() != now.get().getEpochSecond()) {
      now.set(instant);
    }
    kpis.onFrame(frameNanos, instant);
    leaderboard.onFrame(rows, frameNanos);
    frameListeners.forEach(listener -> listener.accept(frameNanos));
    if (batch) {
      onBatchApplied.run();
    }
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
          orderedThisBatch += row.getWidgetsSold();
          kpis.arrived(row);
        }
        row.setOpacity(0);
        row.setArriving(true);
        row.arrivedAt = frameNanos;
        rowsByAccount.put(account, row);
        arrivals.add(row);
        animating.add(row);
        continue;
      }
      long before = row.getWidgetsSold();
      if (row.refresh() && !row.isEnding()) {
        orderedThisBatch += Math.max(0, row.getWidgetsSold() - before);
        row.setBumped(true);
        row.bumpedAt = frameNanos;
        animating.add(row);
      }
    }
    rows.addAll(arrivals);
  }

  private void applyEnded(long frameNanos) {
    for (Account account : drain(ended)) {
      AccountRow row = rowsByAccount.get(account);
      if (row != null && !row.isEnding()) {
        row.refresh();
        row.setEnding(true);
        row.setArriving(false);
        row.setBumped(false);
        row.endingAt = frameNanos;
        animating.add(row);
      }
    }
  }

  private void animate(long frameNanos) {
    if (animating.isEmpty()) {
      return;
    }
    List<AccountRow> gone = new ArrayList<>();
    for (var it = animating.iterator(); it.hasNext(); ) {
      AccountRow row = it.next();
      boolean settled;
      if (row.isEnding()) {
        double left = 1 - progress(row.endingAt, frameNanos, FADE_OUT);
        row.setOpacity(left);
        settled = left == 0;
        if (settled) {
          gone.add(row);
        }
      } else {
        row.setOpacity(progress(row.arrivedAt, frameNanos, FADE_IN));
        if (row.arrivingProperty().get() && progress(row.arrivedAt, frameNanos, ARRIVING) == 1) {
          row.setArriving(false);
        }
        if (row.bumpedProperty().get() && progress(row.bumpedAt, frameNanos, BUMPED) == 1) {
          row.setBumped(false);
        }
        settled = row.opacityProperty().get() == 1 && !row.arrivingProperty().get() && !row.bumpedProperty().get();
      }
      if (settled) {
        it.remove();
      }
    }
    if (!gone.isEmpty()) {
      Set<AccountRow> leaving = Set.copyOf(gone);
      gone.forEach(row -> rowsByAccount.remove(row.account()));
      rows.removeIf(leaving::contains);
    }
  }

  /** How far, from 0 to 1, an animation that began at {@code startNanos} is at {@code frameNanos}. */
  private static double progress(long startNanos, long frameNanos, Duration length) {
    return Math.min(1, Math.max(0, (double) (frameNanos - startNanos) / length.toNanos()));
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
