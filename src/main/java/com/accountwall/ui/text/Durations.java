package com.accountwall.ui.text;

import java.time.Duration;

/** Durations as the wall shows them. */
public final class Durations {
  private Durations() {}

  /** A countdown: {@code H:MM:SS}, or {@code M:SS} under an hour; never negative. */
  public static String countdown(Duration left) {
    long seconds = Math.max(0, left.toSeconds());
    long hours = seconds / 3_600;
    long minutes = seconds / 60 % 60;
    long secs = seconds % 60;
    return hours > 0
        ? String.format("%d:%02d:%02d", hours, minutes, secs)
        : String.format("%d:%02d", minutes, secs);
  }

  /** A lifetime in words: "30 s", "10 min", "24 h", "1 h 30 min". */
  public static String describe(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return seconds + " s";
    }
    StringBuilder text = new StringBuilder();
    append(text, seconds / 3_600, "h");
    append(text, seconds / 60 % 60, "min");
    append(text, seconds % 60, "s");
    return text.toString();
  }

  private static void append(StringBuilder text, long amount, String unit) {
    if (amount > 0) {
      text.append(text.length() == 0 ? "" : " ").append(amount).append(' ').append(unit);
    }
  }
}
