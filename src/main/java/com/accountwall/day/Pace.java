package com.accountwall.day;

import java.time.Duration;
import java.time.Instant;

/**
 * The pace of a day's figure: where it ends if it goes on as it went so far.
 *
 * <p>The rule is linear: {@code pace = so far / elapsed × length}, with {@code elapsed} the time
 * from the day's start to now and {@code length} from the day's start to where the pace runs to
 * ({@link WallDay#endOf}), rounded to the nearest whole number. Before a whole minute has passed
 * nothing can be told and the pace is the figure so far; from the end on, it is the figure so far
 * too. Thread-safe: no state.
 */
public final class Pace {
  private static final Duration FIRST = Duration.ofMinutes(1);

  private Pace() {}

  /**
   * @param soFar the figure from {@code dayStart} to {@code now}, 0 or more
   * @param dayStart when the day started
   * @param now now, at or after {@code dayStart}
   * @param end where the pace runs to, after {@code dayStart}
   * @return the projected figure at {@code end}, at least {@code soFar}
   */
  public static long projected(long soFar, Instant dayStart, Instant now, Instant end) {
    Duration elapsed = Duration.between(dayStart, now);
    if (elapsed.compareTo(FIRST) < 0 || !now.isBefore(end)) {
      return soFar;
    }
    double length = Duration.between(dayStart, end).toMillis();
    double pace = soFar * (length / elapsed.toMillis());
    return pace >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(soFar, Math.round(pace));
  }
}
