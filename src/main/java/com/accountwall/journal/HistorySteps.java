package com.accountwall.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sums per-minute totals into the steps a question of the history asks for: the one home of its
 * rules (whole minutes, at most {@link HistoryStep#MAX_STEPS} steps), shared by both journals.
 */
public final class HistorySteps {
  private static final long MINUTE_MILLIS = 60_000;

  private HistorySteps() {}

  /**
   * The steps from {@code from} to {@code to}, each the sum of the {@code minutes} that begin in
   * it.
   *
   * @param minutes per-minute totals, each starting on a whole minute, in any order
   * @throws IllegalArgumentException as {@link OrderJournal#history} says
   */
  public static List<HistoryStep> sum(
      Instant from, Instant to, Duration step, Iterable<HistoryStep> minutes) {
    int count = count(from, to, step);
    long stepMillis = step.toMillis();
    long[] orders = new long[count];
    long[] widgets = new long[count];
    long start = from.toEpochMilli();
    for (HistoryStep minute : minutes) {
      long at = minute.start().toEpochMilli();
      if (at >= start && at < to.toEpochMilli()) {
        int index = (int) ((at - start) / stepMillis);
        orders[index] += minute.orders();
        widgets[index] += minute.widgets();
      }
    }
    List<HistoryStep> steps = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      steps.add(
          new HistoryStep(Instant.ofEpochMilli(start + i * stepMillis), orders[i], widgets[i]));
    }
    return steps;
  }

  /**
   * The steps from {@code from} to {@code to} with nothing in them, for a journal that keeps no
   * history of its own yet.
   */
  public static List<HistoryStep> empty(Instant from, Instant to, Duration step) {
    return sum(from, to, step, List.of());
  }

  /** The minute {@code millis} falls in, as its first millisecond. */
  public static long minuteOf(long millis) {
    return Math.floorDiv(millis, MINUTE_MILLIS) * MINUTE_MILLIS;
  }

  /**
   * How many steps the range holds, the last one perhaps partial.
   *
   * @throws IllegalArgumentException if the step is not a positive whole number of minutes, {@code
   *     to} is before {@code from}, or the range holds more than {@link HistoryStep#MAX_STEPS}
   *     steps
   */
  public static int count(Instant from, Instant to, Duration step) {
    if (step.isNegative() || step.isZero() || step.toMillis() % MINUTE_MILLIS != 0) {
      throw new IllegalArgumentException(
          "step must be a positive whole number of minutes (PT1M, PT15M, PT1H…), was " + step);
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
    }
    long millis = Duration.between(from, to).toMillis();
    long count = millis / step.toMillis() + (millis % step.toMillis() == 0 ? 0 : 1);
    if (count > HistoryStep.MAX_STEPS) {
      throw new IllegalArgumentException(
          "the range holds "
              + count
              + " steps of "
              + step
              + ", more than "
              + HistoryStep.MAX_STEPS
              + "; ask for a longer step or a shorter range");
    }
    return (int) count;
  }
}
