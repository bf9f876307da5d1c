package com.accountwall.ui.figures;

import com.accountwall.journal.HistoryStep;
import com.accountwall.ui.table.AccountRow;
import com.accountwall.ui.table.RowListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The figures' model: live accounts, widgets sold and their change against an hour ago, orders per
 * minute with a per-minute history of the last hour, and the newest account.
 *
 * <p>Nothing here scans the accounts. The window's model reports how many orders each batch carried
 * ({@link #ordered}) and the core's running totals ({@link #totals}), and the table's rows their
 * arrivals ({@link #arrived}); per-second and per-minute rings of buckets turn those into rates and
 * history. The hour before the window opened can be filled in from the order history ({@link
 * #seed}), so the history and the change survive a restart. Time is the wall's clock as passed in,
 * so a test moves it by hand. The shown figures glide to their targets over the frames. Confined to
 * the JavaFX thread.
 */
public final class FiguresModel implements RowListener {
  private static final int MINUTES = 60;

  private final Buckets perSecond = new Buckets(60, Duration.ofSeconds(1));

  /**
   * The last hour's whole minutes and the current one, which the history leaves out until it is
   * whole.
   */
  private final Buckets perMinute = new Buckets(MINUTES + 1, Duration.ofMinutes(1));

  /** Widgets sold at the end of each minute of the last hour, and so far in the current one. */
  private final long[] soldAtMinute = new long[MINUTES + 1];

  private final long[] soldMinute = new long[MINUTES + 1];

  /**
   * Widgets ordered in each whole minute of the hour before the window opened, as the history
   * tells.
   */
  private final Buckets seededWidgets = new Buckets(MINUTES + 1, Duration.ofMinutes(1));

  private boolean seeded;

  private final ReadOnlyIntegerWrapper liveAccounts =
      new ReadOnlyIntegerWrapper(this, "liveAccounts");
  private final ReadOnlyLongWrapper widgetsSold = new ReadOnlyLongWrapper(this, "widgetsSold");
  private final ReadOnlyLongWrapper widgetsSoldChange =
      new ReadOnlyLongWrapper(this, "widgetsSoldChange");
  private final ReadOnlyBooleanWrapper fullHour = new ReadOnlyBooleanWrapper(this, "fullHour");
  private final ReadOnlyLongWrapper ordersPerMinute =
      new ReadOnlyLongWrapper(this, "ordersPerMinute");
  private final ReadOnlyObjectWrapper<long[]> minuteHistory =
      new ReadOnlyObjectWrapper<>(this, "minuteHistory", new long[MINUTES]);
  private final ReadOnlyObjectWrapper<AccountRow> newest =
      new ReadOnlyObjectWrapper<>(this, "newest");
  private final ObjectProperty<Duration> lifetime =
      new SimpleObjectProperty<>(this, "lifetime", Duration.ZERO);
  private final CountUp shownLiveAccounts = new CountUp();
  private final CountUp shownWidgetsSold = new CountUp();
  private final CountUp shownOrdersPerMinute = new CountUp();
  private long lastMinute = Long.MIN_VALUE;
  private long historyMinute = Long.MIN_VALUE;
  private long soldAtStart;
  private long startMinute = Long.MIN_VALUE;

  /**
   * Figures for a wall that started with {@code widgetsAtStart} widgets on its live accounts (those
   * restored from the order history), which "since start" counts from. The first frame may come
   * later, after orders and endings that the change must include.
   */
  public FiguresModel(long widgetsAtStart) {
    soldAtStart = widgetsAtStart;
    Arrays.fill(soldMinute, Long.MIN_VALUE);
  }

  /** The lifetime in force: the live accounts are those that ordered within it. */
  public ObjectProperty<Duration> lifetimeProperty() {
    return lifetime;
  }

  /** Live accounts, as the core counts them. */
  public ReadOnlyIntegerProperty liveAccountsProperty() {
    return liveAccounts.getReadOnlyProperty();
  }

  /** Widgets sold by the live accounts: the core's total, so the current lifetime window. */
  public ReadOnlyLongProperty widgetsSoldProperty() {
    return widgetsSold.getReadOnlyProperty();
  }

  /**
   * Widgets sold now less an hour ago, or less at the wall's start (see {@link
   * #FiguresModel(long)}) if that was under an hour ago and no history {@linkplain #seed seeded}
   * the hour before it.
   */
  public ReadOnlyLongProperty widgetsSoldChangeProperty() {
    return widgetsSoldChange.getReadOnlyProperty();
  }

  /** Whether {@link #widgetsSoldChangeProperty()} compares against a full hour ago. */
  public ReadOnlyBooleanProperty fullHourProperty() {
    return fullHour.getReadOnlyProperty();
  }

  /** Orders in the last 60 seconds. */
  public ReadOnlyLongProperty ordersPerMinuteProperty() {
    return ordersPerMinute.getReadOnlyProperty();
  }

  /**
   * Orders in each of the last 60 whole minutes, oldest first; a new array when it changes. The
   * current minute is left out: half a minute would read as a fall.
   */
  public ReadOnlyObjectProperty<long[]> minuteHistoryProperty() {
    return minuteHistory.getReadOnlyProperty();
  }

  /** The account that arrived last; it may have ended since. */
  public ReadOnlyObjectProperty<AccountRow> newestProperty() {
    return newest.getReadOnlyProperty();
  }

  /** The live accounts as shown, gliding to {@link #liveAccountsProperty()}. */
  public ReadOnlyLongProperty shownLiveAccountsProperty() {
    return shownLiveAccounts.shownProperty();
  }

  public ReadOnlyLongProperty shownWidgetsSoldProperty() {
    return shownWidgetsSold.shownProperty();
  }

  public ReadOnlyLongProperty shownOrdersPerMinuteProperty() {
    return shownOrdersPerMinute.shownProperty();
  }

  /**
   * Starts again from nothing, as if the window opened now with {@code widgetsNow} widgets on the
   * accounts it shows: for another team shown, whose orders before now the wall cannot tell apart
   * (the order history keeps no teams). The rates, the last hour and the change count from here,
   * and the newest account is none until one arrives; a {@link #seed} may follow.
   */
  public void restart(long widgetsNow) {
    perSecond.clear();
    perMinute.clear();
    seededWidgets.clear();
    Arrays.fill(soldAtMinute, 0);
    Arrays.fill(soldMinute, Long.MIN_VALUE);
    seeded = false;
    lastMinute = Long.MIN_VALUE;
    historyMinute = Long.MIN_VALUE;
    startMinute = Long.MIN_VALUE;
    soldAtStart = widgetsNow;
    widgetsSold.set(widgetsNow);
    newest.set(null);
  }

  /** Notes {@code orders} made at {@code at}. */
  public void ordered(long orders, Instant at) {
    perSecond.add(at, orders);
    perMinute.add(at, orders);
  }

  /** Another team is shown: its newest account is none until one arrives. */
  @Override
  public void reshown() {
    newest.set(null);
  }

  /** A fresh account is the newest one. */
  @Override
  public void arrived(AccountRow row, boolean fresh) {
    if (fresh) {
      newest.set(row);
    }
  }

  /** Takes the core's totals after a batch. */
  public void totals(int live, long sold) {
    liveAccounts.set(live);
    widgetsSold.set(sold);
  }

  /**
   * Fills in the minutes before the window opened from the order history, so that the per-minute
   * history and the change against an hour ago need not start from nothing. Steps of minutes the
   * window has seen itself, or that are more than an hour old, are left out; history with no orders
   * at all (a journal that keeps none) changes nothing.
   *
   * @param steps whole minutes, in any order, each as the history has it
   */
  public void seed(List<HistoryStep> steps) {
    if (steps.stream().allMatch(step -> step.orders() == 0 && step.widgets() == 0)) {
      return;
    }
    for (HistoryStep step : steps) {
      long minute = Math.floorDiv(step.start().getEpochSecond(), 60);
      if (startMinute == Long.MIN_VALUE || minute < startMinute) {
        perMinute.add(step.start(), step.orders());
        seededWidgets.add(step.start(), step.widgets());
      }
    }
    seeded = true;
    historyMinute = Long.MIN_VALUE; // show the seeded history at the next frame
  }

  /** Recomputes the rates for {@code now} and moves the shown figures; once per frame. */
  public void onFrame(long frameNanos, Instant now) {
    long minute = Math.floorDiv(now.getEpochSecond(), 60);
    recordSold(minute);
    int hourAgo = slot(minute - MINUTES);
    boolean full = soldMinute[hourAgo] == minute - MINUTES;
    widgetsSoldChange.set(widgetsSold.get() - (full ? soldAtMinute[hourAgo] : soldBefore(now)));
    fullHour.set(full || seeded);
    ordersPerMinute.set(perSecond.sum(now));
    if (minute != historyMinute) {
      historyMinute = minute;
      minuteHistory.set(Arrays.copyOf(perMinute.values(now), MINUTES));
    }

    shownLiveAccounts.moveTo(liveAccounts.get(), frameNanos);
    shownWidgetsSold.moveTo(widgetsSold.get(), frameNanos);
    shownOrdersPerMinute.moveTo(ordersPerMinute.get(), frameNanos);
    shownLiveAccounts.advance(frameNanos);
    shownWidgetsSold.advance(frameNanos);
    shownOrdersPerMinute.advance(frameNanos);
  }

  /**
   * Keeps the widgets sold at the end of each minute. Minutes without a frame (a test's jump, a
   * stalled machine) take the last figure seen, which is what they ended with.
   */
  private void recordSold(long minute) {
    if (lastMinute == Long.MIN_VALUE) {
      lastMinute = minute;
      startMinute = minute;
    }
    long carried = soldAtMinute[slot(lastMinute)];
    for (long skipped = Math.max(lastMinute + 1, minute - MINUTES); skipped < minute; skipped++) {
      soldMinute[slot(skipped)] = skipped;
      soldAtMinute[slot(skipped)] = carried;
    }
    soldMinute[slot(minute)] = minute;
    soldAtMinute[slot(minute)] = widgetsSold.get();
    lastMinute = minute;
  }

  /**
   * Widgets sold an hour before {@code now}, as far as the wall knows them from before it saw that
   * minute itself: at its start, less what the history says was ordered between then and the start.
   * Accounts that ended in that hour are not in the history of orders, so with a history this is
   * the widgets ordered in the hour, less those that left the wall since.
   */
  private long soldBefore(Instant now) {
    if (!seeded) {
      return soldAtStart;
    }
    long[] widgets =
        seededWidgets.values(now); // the last being now's minute; the first an hour ago
    long orderedSince = 0;
    for (int i = 1; i < widgets.length; i++) {
      orderedSince += widgets[i];
    }
    return soldAtStart - orderedSince;
  }

  private int slot(long minute) {
    return (int) Math.floorMod(minute, (long) soldMinute.length);
  }
}
