package com.accountwall.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as the options write it: a whole number and a unit ({@code 250ms}, {@code 30s}, {@code
 * 5m} or {@code 5min}, {@code 24h}, {@code 7d}) or an ISO-8601 duration ({@code PT5M}); the same on
 * the command line and in {@code PATCH /api/display}. Thread-safe.
 */
public final class DurationText {
  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h|d)");

  private DurationText() {}

  /**
   * The duration {@code text} says, case and surrounding blanks ignored.
   *
   * @throws IllegalArgumentException saying how to write one, if it is not a duration
   */
  public static Duration parse(String text) {
    String trimmed = text.strip().toLowerCase(Locale.ROOT);
    Matcher shortForm = SHORT.matcher(trimmed);
    try {
      if (!shortForm.matches()) {
        return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
      }
      long amount = Long.parseLong(shortForm.group(1));
      return switch (shortForm.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m", "min" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; write it like 30s, 5m, 24h or PT5M", e);
    }
  }

  /**
   * {@code duration} in its largest whole unit up to hours, as {@link #parse} reads it back: 24h,
   * 90s, 250ms.
   */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1_000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1_000;
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
