package com.accountwall.ui.figures;

import com.accountwall.day.WallDay;
import com.accountwall.journal.HistoryStep;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Today's figures: orders and widgets since the start of the wall's day ({@link WallDay}: its time
 * zone and the start of the day or shift), and the same figures yesterday by this time, from
 * yesterday's start up to the same local time of day.
 *
 * <p>Both come from per-minute totals kept from yesterday's start on. Those before a cutoff come
 * from the order history ({@link #seed}), asked by the window's model at its start, once more when
 * the minute it opened in is whole, and at each day start; those from the cutoff on are the live
 * orders the frames hand in ({@link #onFrame}), counted in the minute of the frame that applies
 * them. A seed replaces the minutes before its cutoff, so an order is never counted twice, and
 * today survives a restart. "Yesterday by this time" counts the whole minutes that begin before the
 * same time yesterday. At the next day start today's figures go back to 0 and today's minutes
 * become yesterday's.
 *
 * <p>A model made {@linkplain #countingFrom counting from} a time, such as one team's when the
 * window shows one team, is never seeded: the order history keeps no teams. It counts the orders it
 * is handed from then on, and knows nothing of yesterday.
 *
 * <p>Nothing here reads a clock or a journal: time and history are handed in, so a test moves them
 * by hand. Confined to the JavaFX thread.
 */
public final class TodayModel {
  private final WallDay day;

  /** Minute start (epoch ms) to {orders, widgets}, from yesterday's start on. */
  private final TreeMap<Long, long[]> minutes = new TreeMap<>();

  private final ReadOnlyLongWrapper ordersToday = new ReadOnlyLongWrapper(this, "ordersToday");
  private final ReadOnlyLongWrapper widgetsToday = new ReadOnlyLongWrapper(this, "widgetsToday");
  private final ReadOnlyLongWrapper ordersYesterday =
      new ReadOnlyLongWrapper(this, "ordersYesterday");
  private final ReadOnlyLongWrapper widgetsYesterday =
      new ReadOnlyLongWrapper(this, "widgetsYesterday");
  private final ReadOnlyObjectWrapper<Instant> dayStart =
      new ReadOnlyObjectWrapper<>(this, "dayStart");
  private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
  private Instant nextStart;
  private Instant yesterdayStart;
  private long yesterdayMinute = Long.MIN_VALUE;
  private long liveFrom = Long.MIN_VALUE;
  private final Instant countedFrom;

  /** Today's figures on {@code day}, at 0 until a seed or an order, as of {@code now}. */
  public TodayModel(WallDay day, Instant now) {
    this(day, now, null);
  }

  private TodayModel(WallDay day, Instant now, Instant countedFrom) {
    this.day = day;
    this.countedFrom = countedFrom;
    startDay(day.startOf(now));
    this.now.set(now);
  }

  /**
   * Today's figures on {@code day} as the orders handed in from {@code from} on make them, never
   * from the history.
   */
  public static TodayModel countingFrom(WallDay day, Instant from) {
    return new TodayModel(day, from, from);
  }

  /**
   * Since when today's figures count, if later than the day start: a model {@linkplain
   * #countingFrom counting from} a time of today; null when they count the whole day.
   */
  public Instant countedFrom() {
    return countedFrom != null && countedFrom.isAfter(dayStart.get()) ? countedFrom : null;
  }

  public WallDay day() {
    return day;
  }

  /** Orders since the day start. */
  public ReadOnlyLongProperty ordersTodayProperty() {
    return ordersToday.getReadOnlyProperty();
  }

  /** Widgets ordered since the day start. */
  public ReadOnlyLongProperty widgetsTodayProperty() {
    return widgetsToday.getReadOnlyProperty();
  }

  /** Orders yesterday, from its start to the same time of day as now. */
  public ReadOnlyLongProperty ordersYesterdayProperty() {
    return ordersYesterday.getReadOnlyProperty();
  }

  /** Widgets yesterday, from its start to the same time of day as now. */
  public ReadOnlyLongProperty widgetsYesterdayProperty() {
    return widgetsYesterday.getReadOnlyProperty();
  }

  /** When today started. */
  public ReadOnlyObjectProperty<Instant> dayStartProperty() {
    return dayStart.getReadOnlyProperty();
  }

  /** The time of the last frame, which the figures are as of. */
  public ReadOnlyObjectProperty<Instant> nowProperty() {
    return now.getReadOnlyProperty();
  }

  /** Where the history to {@link #seed} with starts: yesterday's start. */
  public Instant historyFrom() {
    return yesterdayStart;
  }

  /**
   * Takes the history's minutes before {@code cutoff} in place of what was counted for them.
   *
   * @param cutoff a whole minute: the steps cover up to it, the live orders from it on
   * @param steps whole minutes from {@link #historyFrom()} (or later) to {@code cutoff}, as the
   *     history has them; earlier ones, and later ones, are left out
   */
  public void seed(Instant cutoff, List<HistoryStep> steps) {
    long cut = cutoff.toEpochMilli();
    liveFrom = Math.max(liveFrom, cut);
    minutes.headMap(cut).clear();
    for (HistoryStep step : steps) {
      long at = step.start().toEpochMilli();
      if (at < cut && !step.start().isBefore(yesterdayStart) && step.orders() > 0) {
        long[] minute = minutes.computeIfAbsent(at, key -> new long[2]);
        minute[0] += step.orders();
        minute[1] += step.widgets();
      }
    }
    recount();
  }

  /**
   * Counts the orders a frame at {@code instant} applied, each minute's in its own minute (those
   * before the last seed's cutoff, or before yesterday, are the history's), moving to the next day
   * first if {@code instant} is in it.
   *
   * @param ordered the orders per minute of their own time, as {@link OrderTally#drain} gives them
   * @return whether a new day started with this frame, when the history is worth asking again
   */
  public boolean onFrame(Instant instant, List<HistoryStep> ordered) {
    now.set(instant);
    boolean newDay = !instant.isBefore(nextStart);
    if (newDay) {
      startDay(day.startOf(instant));
      recount();
    }
    long todayFrom = dayStart.get().toEpochMilli();
    for (HistoryStep step : ordered) {
      long at = step.start().toEpochMilli();
      if (at < liveFrom || at < yesterdayStart.toEpochMilli()) {
        continue;
      }
      long[] minute = minutes.computeIfAbsent(at, key -> new long[2]);
      minute[0] += step.orders();
      minute[1] += step.widgets();
      if (at >= todayFrom) {
        ordersToday.set(ordersToday.get() + step.orders());
        widgetsToday.set(widgetsToday.get() + step.widgets());
      } else {
        yesterdayMinute = Long.MIN_VALUE; // a late order of yesterday's
      }
    }
    long minute = Math.floorDiv(instant.getEpochSecond(), 60);
    if (minute != yesterdayMinute) {
      yesterdayMinute = minute;
      countYesterday(instant);
    }
    return newDay;
  }

  private void startDay(Instant start) {
    dayStart.set(start);
    nextStart = day.nextStart(start);
    yesterdayStart = day.previousStart(start);
    minutes.headMap(yesterdayStart.toEpochMilli()).clear();
  }

  /** Sums today's minutes, and yesterday's up to this time, afresh. */
  private void recount() {
    long orders = 0;
    long widgets = 0;
    for (long[] minute : minutes.tailMap(dayStart.get().toEpochMilli()).values()) {
      orders += minute[0];
      widgets += minute[1];
    }
    ordersToday.set(orders);
    widgetsToday.set(widgets);
    countYesterday(now.get() == null ? dayStart.get() : now.get());
  }

  private void countYesterday(Instant instant) {
    Instant until = day.sameTimeYesterday(instant);
    long orders = 0;
    long widgets = 0;
    for (Map.Entry<Long, long[]> minute :
        minutes.subMap(yesterdayStart.toEpochMilli(), until.toEpochMilli()).entrySet()) {
      orders += minute.getValue()[0];
      widgets += minute.getValue()[1];
    }
    ordersYesterday.set(orders);
    widgetsYesterday.set(widgets);
  }
}
