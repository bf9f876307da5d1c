package com.accountwall.ui.celebrate;

import com.accountwall.core.Account;
import com.accountwall.ui.celebrate.Celebration.Kind;
import com.accountwall.ui.text.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the wall celebrates, one banner at a time: an order of at least the big-order threshold, a
 * new account, and today's goal reached.
 *
 * <p>Celebrations wait in a first-in, first-out queue and each is {@linkplain #currentProperty()
 * shown} for {@link #SHOWN} by the wall's clock, one after another, never two at once. At most
 * {@link #QUEUE_LIMIT} wait: when one more comes, the oldest waiting big order or new account is
 * dropped and counted ({@link #skippedProperty()}); the goal is never dropped.
 *
 * <p>New accounts arrive by the thousand at a busy wall's rate, so they are summarised: at most one
 * new-account celebration each {@link #NEW_ACCOUNTS_EVERY}, naming the latest new account and
 * saying how many more came since the last one ("joined, with 1,234 more"). Only an account created
 * by an order counts: one put back on a restart is announced as created but not as ordered, so a
 * restore fires nothing; the generator's first burst and a cluster log's replay of new accounts
 * make one summary. The goal is celebrated once per day ({@link #goalReached}), and not at all on a
 * day whose goal was reached before the wall counted it ({@link #goalReachedEarlier}).
 *
 * <p>Per frame ({@link #onFrame}) it costs in proportion to the celebrations since the last frame,
 * never per account.
 *
 * <p><b>Thread safety:</b> {@link #ordered} may be called from any thread, as core threads announce
 * orders; everything else is confined to the JavaFX thread.
 */
public final class CelebrationModel {
  /** How long each celebration shows. */
  public static final Duration SHOWN = Duration.ofSeconds(4);

  /** At most one new-account celebration this often; the rest are counted into the next. */
  public static final Duration NEW_ACCOUNTS_EVERY = Duration.ofSeconds(15);

  /** How many celebrations may wait for the banner. */
  public static final int QUEUE_LIMIT = 5;

  /** How many of the last celebrations {@link #getRecent()} keeps. */
  public static final int RECENT_SIZE = 5;

  /** Big orders held between two frames; beyond, they are only counted as skipped. */
  static final int INBOX_LIMIT = 64;

  /** No big-order celebrations. */
  public static final long NO_BIG_ORDER = 0;

  private record BigOrder(Account account, long quantity) {}

  private final long bigOrder;
  private final ZoneId zone;
  private final Texts texts;

  // Written by core threads, taken by the JavaFX thread.
  private final Queue<BigOrder> bigOrders = new ConcurrentLinkedQueue<>();
  private final AtomicInteger bigOrdersHeld = new AtomicInteger();
  private final LongAdder bigOrdersOverflowed = new LongAdder();
  private final LongAdder newAccounts = new LongAdder();
  private final AtomicReference<Account> latestNewAccount = new AtomicReference<>();

  // Confined to the JavaFX thread.
  private final ArrayDeque<Celebration> waiting = new ArrayDeque<>();
  private long newAccountsUnsaid;
  private Account newAccountUnsaid;
  private Instant nextNewAccountsAt = Instant.MIN;
  private Instant goalCelebratedFor; // the day start whose goal was celebrated or already reached
  private Instant shownAt;
  private int skippedSinceShown;
  private final ReadOnlyObjectWrapper<Celebration> current =
      new ReadOnlyObjectWrapper<>(this, "current");
  private final ReadOnlyIntegerWrapper skipped = new ReadOnlyIntegerWrapper(this, "skipped");
  private final ObservableList<Celebration> recent = FXCollections.observableArrayList();
  private final ObservableList<Celebration> recentReadOnly =
      FXCollections.unmodifiableObservableList(recent);

  /**
   * @param bigOrder the fewest widgets in one order that make a big order; {@link #NO_BIG_ORDER}
   *     for none
   * @param zone the wall's time zone, in which the recent celebrations say their time
   * @param texts the words and numbers of the celebrations
   * @throws IllegalArgumentException if {@code bigOrder} is negative
   */
  public CelebrationModel(long bigOrder, ZoneId zone, Texts texts) {
    if (bigOrder < 0) {
      throw new IllegalArgumentException("bigOrder must be 0 (none) or more, was " + bigOrder);
    }
    this.bigOrder = bigOrder;
    this.zone = Objects.requireNonNull(zone, "zone");
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  /** The wall's time zone, in which {@link Celebration#line} says the time. */
  public ZoneId zone() {
    return zone;
  }

  /** The words and numbers of the celebrations, in the wall's language. */
  public Texts texts() {
    return texts;
  }

  /**
   * Notes an order of {@code quantity} widgets on {@code account}, as the core announces it: a big
   * order, or else the first order of a new account, is celebrated from the next frame. Cheap and
   * lock-free: any thread, at any rate.
   */
  public void ordered(Account account, long quantity) {
    if (bigOrder != NO_BIG_ORDER && quantity >= bigOrder) {
      if (bigOrdersHeld.incrementAndGet() <= INBOX_LIMIT) {
        bigOrders.add(new BigOrder(account, quantity));
      } else {
        bigOrdersHeld.decrementAndGet();
        bigOrdersOverflowed.increment();
      }
    } else if (account.widgetsOrdered() == quantity) {
      // Its first order: later ones find more widgets than their own. (A second order landing
      // between the two reads hides the first; one missed welcome is harmless.)
      newAccounts.increment();
      latestNewAccount.set(account);
    }
  }

  /**
   * Celebrates today's goal of {@code goal} widgets as reached, unless the day that started at
   * {@code dayStart} has had its goal celebrated or reached earlier already.
   */
  public void goalReached(Instant dayStart, long goal, Instant now) {
    if (!dayStart.equals(goalCelebratedFor)) {
      goalCelebratedFor = dayStart;
      waiting.add(
          new Celebration(
              Kind.GOAL_REACHED,
              texts.text("celebration.goalReached"),
              texts.text("celebration.goalWidgets", texts.count(goal)),
              now));
      dropOverflow();
    }
  }

  /**
   * Notes that the goal of the day that started at {@code dayStart} was reached before the wall
   * counted it, as today's history read at start says: no celebration for it that day.
   */
  public void goalReachedEarlier(Instant dayStart) {
    goalCelebratedFor = dayStart;
  }

  /**
   * One frame at {@code now} by the wall's clock: queues what was ordered since the last one, ends
   * the banner whose time is up and shows the next.
   */
  public void onFrame(Instant now) {
    takeBigOrders(now);
    takeNewAccounts(now);
    Celebration showing = current.get();
    if (showing != null
        && (!now.isBefore(shownAt.plus(SHOWN))
            || now.isBefore(shownAt))) { // or the clock went back
      current.set(null);
      showing = null;
    }
    if (showing == null && !waiting.isEmpty()) {
      Celebration next = waiting.poll();
      shownAt = now;
      skipped.set(skippedSinceShown);
      skippedSinceShown = 0;
      current.set(next);
      recent.add(0, next);
      if (recent.size() > RECENT_SIZE) {
        recent.remove(RECENT_SIZE, recent.size());
      }
    }
  }

  /** The celebration the banner shows; null while none does. */
  public ReadOnlyObjectProperty<Celebration> currentProperty() {
    return current.getReadOnlyProperty();
  }

  /**
   * How many celebrations were dropped from a full queue before the one showing came up; 0 while
   * none were.
   */
  public ReadOnlyIntegerProperty skippedProperty() {
    return skipped.getReadOnlyProperty();
  }

  /** The last {@link #RECENT_SIZE} celebrations shown, the latest first. */
  public ObservableList<Celebration> getRecent() {
    return recentReadOnly;
  }

  private void takeBigOrders(Instant now) {
    List<BigOrder> taken = new ArrayList<>();
    for (BigOrder order; (order = bigOrders.poll()) != null; ) {
      bigOrdersHeld.decrementAndGet();
      taken.add(order);
    }
    // Only the newest can still wait once all are in: the queue keeps the newest. The others
    // would each come and go (or push out an older one) with nothing shown, so they are counted
    // as skipped without writing their words.
    int older = Math.max(0, taken.size() - QUEUE_LIMIT);
    skippedSinceShown += older;
    for (BigOrder order : taken.subList(older, taken.size())) {
      waiting.add(
          new Celebration(
              Kind.BIG_ORDER,
              order.account().name(),
              texts.text("celebration.bigOrder", texts.count(order.quantity())),
              now));
      dropOverflow();
    }
    skippedSinceShown += (int) Math.min(Integer.MAX_VALUE, bigOrdersOverflowed.sumThenReset());
  }

  private void takeNewAccounts(Instant now) {
    newAccountsUnsaid += newAccounts.sumThenReset();
    Account latest = latestNewAccount.getAndSet(null);
    if (latest != null) {
      newAccountUnsaid = latest;
    }
    if (newAccountUnsaid == null || now.isBefore(nextNewAccountsAt)) {
      return;
    }
    long more = newAccountsUnsaid - 1;
    waiting.add(
        new Celebration(
            Kind.NEW_ACCOUNT,
            newAccountUnsaid.name(),
            more > 0
                ? texts.text("celebration.joinedWithMore", texts.count(more))
                : texts.text("celebration.joined"),
            now));
    dropOverflow();
    newAccountUnsaid = null;
    newAccountsUnsaid = 0;
    nextNewAccountsAt = now.plus(NEW_ACCOUNTS_EVERY);
  }

  /** Keeps at most {@link #QUEUE_LIMIT} waiting, dropping the oldest that is not the goal. */
  private void dropOverflow() {
    if (waiting.size() <= QUEUE_LIMIT) {
      return;
    }
    for (Iterator<Celebration> it = waiting.iterator(); it.hasNext(); ) {
      if (it.next().kind() != Kind.GOAL_REACHED) {
        it.remove();
        skippedSinceShown++;
        return;
      }
    }
  }
}
