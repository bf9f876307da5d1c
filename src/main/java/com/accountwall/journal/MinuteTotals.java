package com.accountwall.journal;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Orders and widgets per minute, kept in memory by a journal whose history lives elsewhere (the
 * Kafka topic): what its follower read, for the figures and {@code GET /api/history}. It holds at
 * most {@link #MAX_MINUTES} minutes, the oldest forgotten first.
 *
 * <p><b>Thread safety:</b> all methods may be called from any thread (one lock).
 */
public final class MinuteTotals {
  /** Eight days of minutes: the figures need one, "since a time" a few more. */
  static final int MAX_MINUTES = 8 * 24 * 60;

  @GuardedBy("this")
  private final TreeMap<Long, long[]> minutes = new TreeMap<>();

  /** Adds an order of {@code widgets} made at {@code atMillis}. */
  public synchronized void add(long atMillis, long widgets) {
    long[] minute = minutes.computeIfAbsent(HistorySteps.minuteOf(atMillis), key -> new long[2]);
    minute[0]++;
    minute[1] += widgets;
    if (minutes.size() > MAX_MINUTES) {
      minutes.pollFirstEntry();
    }
  }

  /** The minutes from {@code from} (inclusive) to {@code to} (exclusive) that hold orders. */
  public synchronized List<HistoryStep> between(Instant from, Instant to) {
    List<HistoryStep> steps = new ArrayList<>();
    for (Map.Entry<Long, long[]> minute :
        minutes.subMap(from.toEpochMilli(), to.toEpochMilli()).entrySet()) {
      steps.add(
          new HistoryStep(
              Instant.ofEpochMilli(minute.getKey()), minute.getValue()[0], minute.getValue()[1]));
    }
    return steps;
  }
}
