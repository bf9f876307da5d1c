package com.accountwall.ui.figures;

import com.accountwall.ui.table.AccountRow;
import com.accountwall.ui.table.RowListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The figures' model: live accounts, widgets sold and their change against an hour ago, orders per
 * minute with a per-minute history of the last hour, and the newest account.
 *
 * <p>Nothing here scans the accounts. The window's model reports how many orders each batch
 * carried ({@link #ordered}) and the core's running totals ({@link #totals}), and the table's rows
 * their arrivals ({@link #arrived}); per-second and per-minute rings of buckets turn those into
 * rates and history. Time is the wall's clock as passed in, so a test moves it by hand. The shown figures glide to their targets over the frames.
 * Confined to the JavaFX thread.
 */
public final class FiguresModel implements RowListener {
  private static final int MINUTES = 60;

  private final Buckets perSecond = new Buckets(60, Duration.ofSeconds(1));
  /** The last hour's whole minutes and the current one, which the history leaves out until it is whole. */
  private final Buckets perMinute = new Buckets(MINUTES + 1, Duration.ofMinutes(1));
  /** Widgets sold at the end of each minute of the last hour, and so far in the current one. */
  private final long[] soldAtMinute = new long[MINUTES + 1];
  private final long[] soldMinute = new long[MINUTES + 1];

  private final ReadOnlyIntegerWrapper liveAccounts = new ReadOnlyIntegerWrapper(this, "liveAccounts");
  private final ReadOnlyLongWrapper widgetsSold = new ReadOnlyLongWrapper(this, "widgetsSold");
  private final ReadOnlyLongWrapper widgetsSoldChange = new ReadOnlyLongWrapper(this, "widgetsSoldChange");
  private final ReadOnlyBooleanWrapper fullHour = new ReadOnlyBooleanWrapper(this, "fullHour");
  private final ReadOnlyLongWrapper ordersPerMinute = new ReadOnlyLongWrapper(this, "ordersPerMinute");
  private final ReadOnlyObjectWrapper<long[]> minuteHistory =
      new ReadOnlyObjectWrapper<>(this, "minuteHistory", new long[MINUTES]);
  private final ReadOnlyObjectWrapper<AccountRow> newest = new ReadOnlyObjectWrapper<>(this, "newest");
  private final ObjectProperty<Duration> lifetime = new SimpleObjectProperty<>(this, "lifetime", Duration.ZERO);
  private final CountUp shownLiveAccounts = new CountUp();
  private final CountUp shownWidgetsSold = new CountUp();
  private final CountUp shownOrdersPerMinute = new CountUp();
  private long lastMinute = Long.MIN_VALUE;
  private long historyMinute = Long.MIN_VALUE;
  private long soldAtStart;

  public FiguresModel() {
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

  /** Widgets sold now less an hour ago, or less at the wall's start if that was under an hour ago. */
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
   * Orders in each of the last 60 whole minutes, oldest first; a new array when it changes.
   * The current minute is left out: half a minute would read as a fall.
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

  /** Notes {@code orders} made at {@code at}. */
  public void ordered(long orders, Instant at) {
    perSecond.add(at, orders);
    perMinute.add(at, orders);
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

  /** Recomputes the rates for {@code now} and moves the shown figures; once per frame. */
  public void onFrame(long frameNanos, Instant now) {
    long minute = Math.floorDiv(now.getEpochSecond(), 60);
    recordSold(minute);
    int hourAgo = slot(minute - MINUTES);
    boolean full = soldMinute[hourAgo] == minute - MINUTES;
    widgetsSoldChange.set(widgetsSold.get() - (full ? soldAtMinute[hourAgo] : soldAtStart));
    fullHour.set(full);
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
      soldAtStart = widgetsSold.get();
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

  private int slot(long minute) {
    return (int) Math.floorMod(minute, (long) soldMinute.length);
  }
}
