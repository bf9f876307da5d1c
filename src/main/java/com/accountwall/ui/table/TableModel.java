package com.accountwall.ui.table;

import com.accountwall.core.Account;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The table's model: one {@link AccountRow} per live account and one per account still fading out,
 * the wall's notion of now (for the time left) and the lifetime in force (for the time-left bars).
 * The window's model hands it, once per frame, the accounts that changed and ended since the last
 * one ({@link #apply}); it keeps the rows, animates them ({@link RowAnimations}: a new row fades
 * in, a changed count is marked bumped, an ended account's row fades out and only then leaves
 * {@link #getRows()}), and tells its {@link RowListener}s.
 *
 * <p>{@link #getRows()} holds the rows of the team shown ({@link #showTeam}), all rows while all
 * teams are shown; a row whose team becomes known late joins them then. The model keeps every row
 * all the same, for the listeners of every row, such as the teams' totals.
 *
 * <p>After each batch the {@link #setOnBatchApplied batch hook} runs once, where the table
 * re-sorts, within a share of the JavaFX thread's time: see {@link #runBatchHook}. While the rows
 * are {@linkplain #rowsHeldProperty held} (someone aims at a row: the table says when) it waits, so
 * that the row someone aims at stays where it is, and resumes {@link #RESUME_AFTER} after the hold
 * ends.
 *
 * <p>Confined to the JavaFX thread.
 */
public final class TableModel {
  /** The re-sorting hook may take at most one part in this many of the JavaFX thread's time. */
  private static final int SORT_SHARE_DIVISOR = 10;

  /** Below this many rows a re-sort costs well under a millisecond: it runs after every batch. */
  private static final int ALWAYS_SORT_BELOW = 10_000;

  /** No order is big: every count that grows flashes alike. */
  public static final long NO_BIG_ORDER = 0;

  /** How long after the rows are let go they re-sort again. */
  public static final Duration RESUME_AFTER = Duration.ofSeconds(3);

  private final AccountRows rows = new AccountRows();
  // By identity, as Account is compared: one probe into one array, not a bucket and then a node.
  private final Map<Account, AccountRow> rowsByAccount = new IdentityHashMap<>();
  private final RowAnimations animations = new RowAnimations();
  private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
  private final ReadOnlyObjectWrapper<Duration> lifetime =
      new ReadOnlyObjectWrapper<>(this, "lifetime");
  private final List<RowListener> listeners = new ArrayList<>();
  private final List<RowListener> everyRowListeners = new ArrayList<>();
  private final BooleanProperty rowsHeld = new SimpleBooleanProperty(this, "rowsHeld");
  private String team; // the team shown; null for all teams
  private long bigOrder = NO_BIG_ORDER;

  /**
   * Accounts live before the window: they arrive in its first batch, but none is the newest
   * account.
   */
  private final Set<Account> earlier;

  private Runnable onBatchApplied = () -> {};
  private boolean batchPending;
  private long nextBatchHookNanos = Long.MIN_VALUE;
  private boolean released; // the rows were let go; the next frame sets when sorting resumes

  /**
   * @param now the wall's time as the window opens
   * @param lifetime the lifetime in force
   * @param earlier the accounts live before the window opened
   */
  public TableModel(Instant now, Duration lifetime, Collection<Account> earlier) {
    this.now.set(now);
    this.lifetime.set(lifetime);
    this.earlier = new HashSet<>(earlier);
    rowsHeld.addListener((observable, was, held) -> released = !held);
  }

  /**
   * Flashes a row whose count grew by at least {@code widgets} within one frame (one order, as a
   * rule) as a big order, differently from a routine one and for longer.
   *
   * @param widgets the fewest widgets of a big order; {@link #NO_BIG_ORDER} for none
   * @throws IllegalArgumentException if {@code widgets} is negative
   */
  public void setBigOrder(long widgets) {
    if (widgets < 0) {
      throw new IllegalArgumentException("a big order is 0 (none) or more widgets, was " + widgets);
    }
    bigOrder = widgets;
  }

  /**
   * Whether the rows stay where they are: while true the table does not re-sort after batches (a
   * change of team, lifetime or sort order still does); once false again, it resumes {@link
   * #RESUME_AFTER} later. Counts change in place either way, and new rows join at the end.
   */
  public BooleanProperty rowsHeldProperty() {
    return rowsHeld;
  }

  /** The rows, one per live account and one per account still fading out; the table sorts it. */
  public AccountRows getRows() {
    return rows;
  }

  /** The wall's notion of now, for the time left; moves once a second. */
  public ReadOnlyObjectProperty<Instant> nowProperty() {
    return now.getReadOnlyProperty();
  }

  /** The lifetime in force, the whole of each time-left bar. */
  public ReadOnlyObjectProperty<Duration> lifetimeProperty() {
    return lifetime.getReadOnlyProperty();
  }

  /** Tells {@code listener} of the rows shown: those of the team shown. */
  public void addRowListener(RowListener listener) {
    listeners.add(listener);
  }

  /** Tells {@code listener} of every row, whatever team is shown. */
  public void addEveryRowListener(RowListener listener) {
    everyRowListeners.add(listener);
  }

  /** The team whose rows are shown; null for all teams. */
  public String shownTeam() {
    return team;
  }

  /**
   * Shows the rows of {@code value} only (null: all rows), in one pass over the rows, and tells the
   * listeners of the rows shown that they were {@linkplain RowListener#reshown reshown}.
   */
  public void showTeam(String value) {
    if (Objects.equals(value, team)) {
      return;
    }
    team = value;
    List<AccountRow> shown = new ArrayList<>();
    for (AccountRow row : rowsByAccount.values()) {
      if (isShown(row)) {
        shown.add(row);
      }
    }
    rows.replaceAll(shown);
    listeners.forEach(RowListener::reshown);
    onBatchApplied.run();
  }

  /**
   * Runs after batches of changes have been applied to the rows: after each one while it is cheap,
   * less often when it is not (see {@link #runBatchHook}).
   */
  public void setOnBatchApplied(Runnable hook) {
    this.onBatchApplied = hook;
  }

  /**
   * Takes a new lifetime in force: every deadline changed with it, so every row is read again and
   * may have moved.
   */
  public void setLifetime(Duration value) {
    if (value.equals(lifetime.get())) {
      return;
    }
    lifetime.set(value);
    // The deadline only: the counts and teams that changed come with the batch, and its events.
    rowsByAccount.values().forEach(AccountRow::refreshDeadline);
    rows.markAllMoved();
    onBatchApplied.run();
  }

  /** Applies one frame's batch: the accounts that changed or arrived, and those that ended. */
  public void apply(List<Account> changed, List<Account> ended, long frameNanos) {
    applyChanged(changed, frameNanos);
    applyEnded(ended, frameNanos);
    batchPending = true;
  }

  /**
   * Advances the animations to {@code frameNanos}, lets faded rows go, and moves now to {@code
   * instant}.
   */
  public void advance(long frameNanos, Instant instant) {
    List<AccountRow> gone = animations.advance(frameNanos);
    if (!gone.isEmpty()) {
      Set<AccountRow> listed = new HashSet<>();
      for (AccountRow row : gone) {
        rowsByAccount.remove(row.account());
        if (rows.contains(row)) {
          listed.add(row);
        }
      }
      rows.removeAll(listed);
    }
    if (instant.getEpochSecond() != now.get().getEpochSecond()) {
      now.set(instant);
    }
  }

  /**
   * Runs the hook once for every batch applied since it last ran, if its share of the time allows.
   * Counts show at once, but with a hundred thousand rows a re-sort costs milliseconds: so that it
   * never starves the frames, the hook waits, after each run, for {@link #SORT_SHARE_DIVISOR} - 1
   * times as long as that run took. Not longer: the rows that moved meanwhile are what the next
   * sort costs, so rarer sorts are longer stalls (a 25th, tried, made each sort 50-70 ms). A table
   * of fewer than {@value #ALWAYS_SORT_BELOW} rows re-sorts after every batch, whatever one run
   * happened to take.
   */
  public void runBatchHook(long frameNanos) {
    if (rowsHeld.get()) {
      return;
    }
    if (released) {
      released = false;
      nextBatchHookNanos = Math.max(nextBatchHookNanos, frameNanos + RESUME_AFTER.toNanos());
    }
    if (!batchPending || frameNanos < nextBatchHookNanos) {
      return;
    }
    long start = System.nanoTime();
    onBatchApplied.run();
    long took = System.nanoTime() - start;
    nextBatchHookNanos =
        rows.size() < ALWAYS_SORT_BELOW ? frameNanos : frameNanos + (SORT_SHARE_DIVISOR - 1) * took;
    batchPending = false;
  }

  private void applyChanged(List<Account> changed, long frameNanos) {
    List<AccountRow> arrivals = new ArrayList<>();
    Set<AccountRow> departures = new HashSet<>();
    for (Account account : changed) {
      AccountRow row = rowsByAccount.get(account);
      if (row == null) {
        if (account.isEnded()) {
          continue; // came and went within one frame: nothing to show
        }
        row = new AccountRow(account, earlier.isEmpty() || !earlier.remove(account));
        animations.arrive(row, frameNanos);
        rowsByAccount.put(account, row);
        for (RowListener listener : everyRowListeners) {
          listener.arrived(row, row.fresh);
        }
        if (isShown(row)) {
          arrivals.add(row);
          for (RowListener listener : listeners) {
            listener.arrived(row, row.fresh);
          }
        }
        continue;
      }
      if (row.isEnding()) {
        row.refresh(); // it ordered once more before it ended: nobody hears of it any more
        if (rows.contains(row)) {
          rows.markMoved(row);
        }
        continue;
      }
      long grown = takeChanges(row, arrivals, departures);
      if (grown != 0) {
        animations.bump(row, frameNanos, bigOrder != NO_BIG_ORDER && grown >= bigOrder);
      }
      if (rows.contains(row) && !departures.contains(row)) {
        rows.markMoved(row);
      }
    }
    rows.removeAll(departures);
    rows.addArrivals(arrivals);
  }

  private void applyEnded(List<Account> ended, long frameNanos) {
    List<AccountRow> arrivals = new ArrayList<>();
    Set<AccountRow> departures = new HashSet<>();
    for (Account account : ended) {
      AccountRow row = rowsByAccount.get(account);
      if (row != null && !row.isEnding()) {
        takeChanges(row, arrivals, departures); // what it did just before it ended, without a bump
        animations.end(row, frameNanos);
        for (RowListener listener : everyRowListeners) {
          listener.ending(row);
        }
        if (rows.contains(row) && !departures.contains(row)) {
          rows.markMoved(row); // mostly nothing moves
          for (RowListener listener : listeners) {
            listener.ending(row);
          }
        }
      }
    }
    rows.removeAll(departures);
    rows.addArrivals(arrivals);
  }

  /**
   * Copies a live row's team and then its count from its account, telling the listeners of each
   * change as it is taken; a row whose new team is shown, or no longer is, joins {@code arrivals}
   * or {@code departures}. Returns by how many widgets the count grew.
   */
  private long takeChanges(AccountRow row, List<AccountRow> arrivals, Set<AccountRow> departures) {
    boolean wasShown = rows.contains(row); // each row comes once a batch: never among arrivals
    String teamBefore = row.getTeam();
    if (row.refreshTeam()) {
      for (RowListener listener : everyRowListeners) {
        listener.teamChanged(row, teamBefore);
      }
      boolean shown = isShown(row);
      if (shown && !wasShown) {
        arrivals.add(row);
        for (RowListener listener : listeners) {
          listener.arrived(row, row.fresh);
        }
      } else if (!shown && wasShown) {
        departures.add(row);
        for (RowListener listener : listeners) {
          listener.ending(row);
        }
      }
    }
    long widgetsBefore = row.getWidgetsSold();
    if (!row.refresh()) {
      return 0;
    }
    for (RowListener listener : everyRowListeners) {
      listener.grew(row, widgetsBefore);
    }
    if (isShown(row)) {
      for (RowListener listener : listeners) {
        listener.grew(row, widgetsBefore);
      }
    }
    return row.getWidgetsSold() - widgetsBefore;
  }

  private boolean isShown(AccountRow row) {
    return team == null || team.equals(row.getTeam());
  }
}
