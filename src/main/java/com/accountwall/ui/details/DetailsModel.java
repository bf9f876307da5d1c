package com.accountwall.ui.details;

import com.accountwall.core.Account;
import com.accountwall.core.AccountDetails;
import com.accountwall.journal.HistoryStep;
import com.accountwall.journal.HistorySteps;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongFunction;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The details card of one account: what the core's {@link Account#details()} (the seed's {@code
 * details}) says of it, its last order, its first order in this lifetime and its widgets per hour
 * over the last {@link #HOURS} hours from the order history.
 *
 * <p>{@link #open} shows an account; the card then follows it once per frame ({@link #onFrame}),
 * reading the core's details afresh, so a new order shows its count, last order and deadline within
 * a frame, and an account that ends says so ({@link #endedProperty()}) rather than vanishing. It
 * closes on {@link #close}, after {@link #TIMEOUT} by the wall's clock without {@link #touched
 * interaction}, and whenever it is {@linkplain #suppressedProperty() suppressed} (kiosk mode, or
 * the wall asleep), which also keeps it from opening: an unattended wall shows no card nobody will
 * close.
 *
 * <p>The history is asked once per opening, on the executor given (a database read must not hold up
 * a frame), per minute from the start of the hour {@link #HOURS} hours back to the moment it
 * opened; orders the core announces later are added to the current hour as the count grows. The
 * first order is the minute in which the history, summed back from the newest, reaches the core's
 * count: the account's own orders, though the same id may have had an earlier account that day. If
 * the history read does not reach the count, the first order was before it ({@link
 * FirstOrder#exact()} false).
 *
 * <p><b>Thread safety:</b> confined to the JavaFX thread; only the history's question runs
 * elsewhere, and its answer comes back to the JavaFX thread.
 */
public final class DetailsModel {
  private static final System.Logger LOG = System.getLogger(DetailsModel.class.getName());

  /** How long the card stays open without interaction: long enough to read, short for a wall. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** How many hours back the sparkline goes, the current one its last. */
  public static final int HOURS = 24;

  private static final Duration HOUR = Duration.ofHours(1);

  /** One account id's orders per step from the order history, as {@link AccountHistory} says. */
  @FunctionalInterface
  public interface AccountHistory {
    /**
     * Widgets ordered per step; see {@link com.accountwall.journal.OrderJournal#accountHistory}.
     */
    List<HistoryStep> history(long accountId, Instant from, Instant to, Duration step);
  }

  /** Whether the history has answered. */
  public enum History {
    /** Asked, not answered yet. */
    LOADING,
    /** Answered: the sparkline and the first order are the history's. */
    LOADED,
    /** Could not be read: the sparkline counts from the opening, the first order is unknown. */
    UNAVAILABLE
  }

  /**
   * When the account's first order in this lifetime was made.
   *
   * @param at the minute it was made in if {@code exact}, else the start of the history read, which
   *     it was before
   * @param exact whether the history read holds it
   */
  public record FirstOrder(Instant at, boolean exact) {}

  private final LongFunction<Optional<Account>> accounts;
  private final AccountHistory history;
  private final Executor reads;
  private final ZoneId zone;

  private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
  private final ReadOnlyObjectWrapper<AccountDetails> details =
      new ReadOnlyObjectWrapper<>(this, "details");
  private final ReadOnlyObjectWrapper<Instant> lastOrder =
      new ReadOnlyObjectWrapper<>(this, "lastOrder");
  private final ReadOnlyObjectWrapper<FirstOrder> firstOrder =
      new ReadOnlyObjectWrapper<>(this, "firstOrder");
  private final ReadOnlyObjectWrapper<History> historyState =
      new ReadOnlyObjectWrapper<>(this, "history");
  private final ReadOnlyObjectWrapper<long[]> hourlyWidgets =
      new ReadOnlyObjectWrapper<>(this, "hourlyWidgets", new long[HOURS]);
  private final ReadOnlyBooleanWrapper ended = new ReadOnlyBooleanWrapper(this, "ended");
  private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
  private final BooleanProperty suppressed = new SimpleBooleanProperty(this, "suppressed");

  private Account account;
  private int opening; // moves with each opening: a history asked for an earlier one is no use
  private Instant touchedAt;
  private Instant firstHour; // the start of the sparkline's first hour
  private long[] historyHours = new long[HOURS]; // the history's, on the same hours
  private long[] liveHours = new long[HOURS]; // what the core counted since the opening
  private long widgetsSeen;

  /**
   * @param accounts the live account of an id, as the core's {@code whereis} finds it
   * @param history the order history of one id, asked on {@code reads}
   * @param reads where the history is asked: off the JavaFX thread in the app
   * @param zone the wall's time zone, in which the card says its times
   * @param now the wall's time as it starts
   */
  public DetailsModel(
      LongFunction<Optional<Account>> accounts,
      AccountHistory history,
      Executor reads,
      ZoneId zone,
      Instant now) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.history = Objects.requireNonNull(history, "history");
    this.reads = Objects.requireNonNull(reads, "reads");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.now.set(Objects.requireNonNull(now, "now"));
    suppressed.addListener((observable, was, is) -> closeIf(is));
  }

  /**
   * Opens the card on the live account with this id, as of the last frame, unless suppressed or the
   * account is no longer live; a card open on another account turns to this one.
   */
  public void open(long accountId) {
    if (suppressed.get()) {
      return;
    }
    Optional<Account> live = accounts.apply(accountId);
    if (live.isEmpty() || live.get().isEnded()) {
      return;
    }
    account = live.get();
    opening++;
    Instant at = now.get();
    touchedAt = at;
    firstHour = at.truncatedTo(ChronoUnit.HOURS).minus(HOUR.multipliedBy(HOURS - 1));
    historyHours = new long[HOURS];
    liveHours = new long[HOURS];
    firstOrder.set(null);
    historyState.set(History.LOADING);
    ended.set(false);
    show();
    widgetsSeen = details.get().widgetsOrdered();
    hourlyWidgets.set(new long[HOURS]);
    open.set(true);
    askHistory(account.id(), widgetsSeen, at);
  }

  /** Closes the card; nothing if it is closed. */
  public void close() {
    if (!open.get()) {
      return;
    }
    opening++; // a history still on its way is for a card no longer shown
    account = null;
    open.set(false);
    details.set(null);
    lastOrder.set(null);
    firstOrder.set(null);
  }

  /**
   * Someone looked at or handled the card: it stays {@link #TIMEOUT} from the last frame's time.
   */
  public void touched() {
    touchedAt = now.get();
  }

  /**
   * One frame at {@code instant} by the wall's clock: reads the account afresh from the core and
   * closes the card once it has gone {@link #TIMEOUT} untouched.
   */
  public void onFrame(Instant instant) {
    now.set(instant);
    if (!open.get()) {
      return;
    }
    if (!instant.isBefore(touchedAt.plus(TIMEOUT)) || instant.isBefore(touchedAt)) {
      close(); // or the clock went back, which would keep it open for as long
      return;
    }
    boolean changed = false;
    Instant hourNow = instant.truncatedTo(ChronoUnit.HOURS).minus(HOUR.multipliedBy(HOURS - 1));
    if (!hourNow.equals(firstHour)) {
      historyHours = shift(historyHours, firstHour, hourNow);
      liveHours = shift(liveHours, firstHour, hourNow);
      firstHour = hourNow;
      changed = true;
    }
    if (!ended.get()) {
      show();
      long widgets = details.get().widgetsOrdered();
      int hour = hourOf(lastOrder.get());
      if (widgets > widgetsSeen && hour >= 0 && hour < HOURS) {
        liveHours[hour] += widgets - widgetsSeen;
        changed = true;
      }
      widgetsSeen = widgets;
      ended.set(account.isEnded());
    }
    if (changed) {
      showHours();
    }
  }

  /** Whether the card shows. */
  public ReadOnlyBooleanProperty openProperty() {
    return open.getReadOnlyProperty();
  }

  /** The core's details of the account shown, as of the last frame; null while closed. */
  public ReadOnlyObjectProperty<AccountDetails> detailsProperty() {
    return details.getReadOnlyProperty();
  }

  /** The account's last order, as the core has it; null while closed. */
  public ReadOnlyObjectProperty<Instant> lastOrderProperty() {
    return lastOrder.getReadOnlyProperty();
  }

  /** The account's first order in this lifetime; null while closed or unknown. */
  public ReadOnlyObjectProperty<FirstOrder> firstOrderProperty() {
    return firstOrder.getReadOnlyProperty();
  }

  /** Whether the history has answered; null until the card first opens. */
  public ReadOnlyObjectProperty<History> historyProperty() {
    return historyState.getReadOnlyProperty();
  }

  /** Widgets ordered per hour, the oldest first, the current hour last: {@link #HOURS} values. */
  public ReadOnlyObjectProperty<long[]> hourlyWidgetsProperty() {
    return hourlyWidgets.getReadOnlyProperty();
  }

  /** Whether the account shown has ended since the card opened; its last values stay shown. */
  public ReadOnlyBooleanProperty endedProperty() {
    return ended.getReadOnlyProperty();
  }

  /** The wall's time as of the last frame, for the countdown and the times of day. */
  public ReadOnlyObjectProperty<Instant> nowProperty() {
    return now.getReadOnlyProperty();
  }

  /** The wall's time zone, in which the card says its times. */
  public ZoneId zone() {
    return zone;
  }

  /** While true the card does not open, and closes if it is open: kiosk mode, or asleep. */
  public BooleanProperty suppressedProperty() {
    return suppressed;
  }

  private void closeIf(boolean suppressing) {
    if (suppressing) {
      close();
    }
  }

  /** Reads the account from the core: its details and its last order. */
  private void show() {
    lastOrder.set(account.lastOrderAt()); // first: the card shows both as the details change
    details.set(account.details());
  }

  /**
   * Asks the history on the reads' executor for the id's minutes from the sparkline's first hour to
   * {@code to}, and hands them to {@link #seed} on the JavaFX thread.
   */
  private void askHistory(long accountId, long widgets, Instant to) {
    int asked = opening;
    Instant from = firstHour;
    Thread asking = Thread.currentThread(); // the JavaFX thread, where the answer belongs
    reads.execute(
        () -> {
          List<HistoryStep> minutes;
          try {
            minutes = history.history(accountId, from, to, Duration.ofMinutes(1));
          } catch (RuntimeException e) {
            LOG.log(
                Level.WARNING,
                "the details of account {0} go without its history: {1}",
                accountId,
                e.getMessage());
            minutes = null;
          }
          List<HistoryStep> answer = minutes;
          Runnable seed = () -> seed(asked, from, to, widgets, answer);
          if (Thread.currentThread() == asking) {
            seed.run();
          } else {
            Platform.runLater(seed);
          }
        });
  }

  /** Takes the history's minutes, or null if it could not be read, for the opening it was asked. */
  private void seed(int asked, Instant from, Instant to, long widgets, List<HistoryStep> minutes) {
    if (asked != opening) {
      return;
    }
    if (minutes == null) {
      historyState.set(History.UNAVAILABLE);
      return;
    }
    long[] hours = new long[HOURS];
    List<HistoryStep> summed = HistorySteps.sum(from, to, HOUR, minutes);
    for (int i = 0; i < summed.size() && i < HOURS; i++) {
      hours[i] = summed.get(i).widgets();
    }
    historyHours = shift(hours, from, firstHour);
    firstOrder.set(firstOrder(minutes, widgets, from));
    historyState.set(History.LOADED);
    showHours();
  }

  /**
   * The minute that, summed back from the newest, brings the history to {@code widgets}; else the
   * start of the history read, which the first order came before.
   */
  private static FirstOrder firstOrder(List<HistoryStep> minutes, long widgets, Instant from) {
    long sum = 0;
    for (int i = minutes.size() - 1; i >= 0; i--) {
      HistoryStep minute = minutes.get(i);
      sum += minute.widgets();
      if (minute.widgets() > 0 && sum >= widgets) {
        return new FirstOrder(minute.start(), true);
      }
    }
    return new FirstOrder(from, false);
  }

  private void showHours() {
    long[] hours = new long[HOURS];
    for (int i = 0; i < HOURS; i++) {
      hours[i] = historyHours[i] + liveHours[i];
    }
    hourlyWidgets.set(hours);
  }

  /** The index of the hour {@code instant} falls in, counted from the first hour. */
  private int hourOf(Instant instant) {
    return (int) Math.floorDiv(Duration.between(firstHour, instant).toMillis(), HOUR.toMillis());
  }

  /** {@code hours}, counted from {@code from}, as counted from {@code to}. */
  private static long[] shift(long[] hours, Instant from, Instant to) {
    int by = (int) Duration.between(from, to).toHours();
    long[] moved = new long[HOURS];
    for (int i = 0; i < HOURS; i++) {
      int source = i + by;
      if (source >= 0 && source < HOURS) {
        moved[i] = hours[source];
      }
    }
    return moved;
  }
}
