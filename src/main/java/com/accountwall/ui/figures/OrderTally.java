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

  private final Map<Long, LongAdder[]> minutes = new ConcurrentHashMap<>();

  /** Counts an order of {@code widgets} made at {@code atMillis}. */
  public void add(long atMillis, long widgets) {
    LongAdder[] minute =
        minutes.computeIfAbsent(
            Math.floorDiv(atMillis, 60_000L),
            key -> new LongAdder[] {new LongAdder(), new LongAdder()});
    minute[0].increment();
    minute[1].add(widgets);
  }

  /** The minutes with orders since the last drain, each as a step; forgets old minutes. */
  public List<HistoryStep> drain(Instant now) {
    List<HistoryStep> taken = new ArrayList<>(2);
    long oldest = Math.floorDiv(now.getEpochSecond(), 60) - KEPT_MINUTES;
    for (var it = minutes.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, LongAdder[]> minute = it.next();
      long orders = minute.getValue()[0].sumThenReset();
      long widgets = minute.getValue()[1].sumThenReset();
      if (orders > 0 || widgets > 0) {
        taken.add(new HistoryStep(Instant.ofEpochSecond(minute.getKey() * 60), orders, widgets));
      }
      if (minute.getKey() < oldest) {
        it.remove();
      }
    }
    return taken;
  }
}
