package com.accountwall.ui.table;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows' animations, advanced once per frame from the pulse time: a new row fades in and is
 * marked arriving for a while, a changed count is marked bumped for a while, a big order is marked
 * for longer, an ended row fades out. The state is kept in each {@link AccountRow}, so it shows in
 * whichever cell shows the row.
 *
 * <p>A flash has to mean something: a row flashes for a routine order at most once every {@link
 * #FLASH_GAP}, so at a busy hour the rows flashing are a few, not nearly all of them; its count
 * still changes at once. A big order always flashes, and differently.
 *
 * <p>A frame costs in proportion to the rows whose opacity moves and the highlights that run out,
 * not to the rows highlighted: under a heavy load nearly every row is bumped at any moment, so the
 * highlights wait in queues in the order they began (they all last as long) and each frame takes
 * only those that have run out. A row bumped again meanwhile has a newer entry; its older one is
 * recognized by its start time and ignored.
 *
 * <p>Confined to the JavaFX thread.
 */
public final class RowAnimations {
  public static final Duration FADE_IN = Duration.ofMillis(600);
  public static final Duration ARRIVING = Duration.ofMillis(2_500);
  public static final Duration BUMPED = Duration.ofMillis(900);
  public static final Duration FADE_OUT = Duration.ofSeconds(1);
  public static final Duration BIG_ORDER = Duration.ofMillis(2_500);

  /** The shortest time from one routine flash of a row to its next. */
  public static final Duration FLASH_GAP = Duration.ofSeconds(5);

  private final Set<AccountRow> fading = new LinkedHashSet<>();
  private final ArrayDeque<Highlight> arriving = new ArrayDeque<>();
  private final ArrayDeque<Highlight> bumped = new ArrayDeque<>();
  private final ArrayDeque<Highlight> bigOrders = new ArrayDeque<>();

  /** A highlight that began at {@code startNanos}. */
  private record Highlight(AccountRow row, long startNanos) {}

  void arrive(AccountRow row, long frameNanos) {
    row.setOpacity(0);
    row.setArriving(true);
    row.arrivedAt = frameNanos;
    fading.add(row);
    arriving.add(new Highlight(row, frameNanos));
  }

  /** Marks a row whose count grew; {@code big} if by a big order. */
  void bump(AccountRow row, long frameNanos, boolean big) {
    if (big) {
      row.setBigOrder(true);
      row.bigOrderAt = frameNanos;
      bigOrders.add(new Highlight(row, frameNanos));
    } else if (!row.everBumped || frameNanos - row.bumpedAt >= FLASH_GAP.toNanos()) {
      row.setBumped(true);
      row.bumpedAt = frameNanos;
      row.everBumped = true;
      bumped.add(new Highlight(row, frameNanos));
    }
  }

  void end(AccountRow row, long frameNanos) {
    row.setEnding(true);
    row.setArriving(false);
    row.setBumped(false);
    row.setBigOrder(false);
    row.endingAt = frameNanos;
    fading.add(row);
  }

  /** Advances every animation to {@code frameNanos}; returns the rows that have faded out. */
  List<AccountRow> advance(long frameNanos) {
    List<AccountRow> gone = new ArrayList<>();
    for (var it = fading.iterator(); it.hasNext(); ) {
      AccountRow row = it.next();
      if (row.isEnding()) {
        double left = 1 - progress(row.endingAt, frameNanos, FADE_OUT);
        row.setOpacity(left);
        if (left == 0) {
          gone.add(row);
          it.remove();
        }
      } else {
        double shown = progress(row.arrivedAt, frameNanos, FADE_IN);
        row.setOpacity(shown);
        if (shown == 1) {
          it.remove();
        }
      }
    }
    for (Highlight run : runOut(arriving, frameNanos, ARRIVING)) {
      if (run.row().arrivedAt == run.startNanos()) {
        run.row().setArriving(false);
      }
    }
    for (Highlight run : runOut(bumped, frameNanos, BUMPED)) {
      if (run.row().bumpedAt == run.startNanos()) {
        run.row().setBumped(false);
      }
    }
    for (Highlight run : runOut(bigOrders, frameNanos, BIG_ORDER)) {
      if (run.row().bigOrderAt == run.startNanos()) {
        run.row().setBigOrder(false);
      }
    }
    return gone;
  }

  private static List<Highlight> runOut(
      ArrayDeque<Highlight> queue, long frameNanos, Duration length) {
    List<Highlight> runOut = new ArrayList<>();
    while (!queue.isEmpty() && progress(queue.peekFirst().startNanos(), frameNanos, length) == 1) {
      runOut.add(queue.pollFirst());
    }
    return runOut;
  }

  /**
   * How far, from 0 to 1, an animation that began at {@code startNanos} is at {@code frameNanos}.
   */
  private static double progress(long startNanos, long frameNanos, Duration length) {
    return Math.min(1, Math.max(0, (double) (frameNanos - startNanos) / length.toNanos()));
  }
}
