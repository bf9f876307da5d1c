package com.accountwall.ui.text;

import java.time.Duration;
import java.util.Locale;

/**
 * Countdowns as the wall shows them: digits and colons, which read alike in every language (a
 * lifetime in words is {@link Texts#duration}'s). Thread-safe.
 */
public final class Durations {
  private Durations() {}

  /** A countdown: {@code H:MM:SS}, or {@code M:SS} under an hour; never negative. */
  public static String countdown(Duration left) {
    long seconds = Math.max(0, left.toSeconds());
    long hours = seconds / 3_600;
    long minutes = seconds / 60 % 60;
    long secs = seconds % 60;
    return hours > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
        : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
  }
}
