package com.accountwall.ui;

import java.time.Duration;

/** Lifetimes as a person reads them: "30 s", "10 min", "24 h", "1 h 30 min". */
final class Durations {
  private Durations() {}

  static String describe(Duration duration) {
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
