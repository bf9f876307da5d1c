package com.accountwall.ui.figures;

import com.accountwall.journal.HistoryStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Orders and widgets as the core announces them, summed per minute of each order's own time until a
 * frame takes them ({@link #drain}): so today's figures count an order in its own minute, however
 * late a frame or a log follower applies it.
 *
 * <p><b>Thread safety:</b> {@link #add} from any number of threads, lock-free once its minute is
 * there; {@link #drain} from one thread (the JavaFX thread). A minute is forgotten once it is more
 * than {@link #KEPT_MINUTES} minutes older than the drain's time, so an order added to such a
 * minute while it is dropped may be lost.
 */
public final class OrderTally {
  static final int KEPT_MINUTES = 5;

  private final Map<Long, Minute> minutes = new ConcurrentHashMap<>();

  /** The minute the last order went to; any thread's, so a stale one only costs a map lookup. */
  private volatile Minute current;

  /** One minute's orders and widgets. */
  private static final class Minute {
    final long key;
    final LongAdder orders = new LongAdder();
    final LongAdder widgets = new LongAdder();

    Minute(long key) {
      this.key = key;
    }
  }

  /** Counts an order of {@code widgets} made at {@code atMillis}. */
  public void add(long atMillis, long widgets) {
    long key = Math.floorDiv(atMillis, 60_000L);
    // Orders come nearly in time order: most find their minute here, without the map.
    Minute minute = current;
    if (minute == null || minute.key != key) {
      minute = minutes.computeIfAbsent(key, Minute::new);
      current = minute;
    }
    minute.orders.increment();
    minute.widgets.add(widgets);
  }

  /** The minutes with orders since the last drain, each as a step; forgets old minutes. */
  public List<HistoryStep> drain(Instant now) {
    List<HistoryStep> taken = new ArrayList<>(2);
    long oldest = Math.floorDiv(now.getEpochSecond(), 60) - KEPT_MINUTES;
    for (var it = minutes.values().iterator(); it.hasNext(); ) {
      Minute minute = it.next();
      long orders = minute.orders.sumThenReset();
      long widgets = minute.widgets.sumThenReset();
      if (orders > 0 || widgets > 0) {
        taken.add(new HistoryStep(Instant.ofEpochSecond(minute.key * 60), orders, widgets));
      }
      if (minute.key < oldest) {
        it.remove();
      }
    }
    return taken;
  }
}
