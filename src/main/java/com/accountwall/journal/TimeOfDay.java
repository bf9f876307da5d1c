package com.accountwall.journal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How a journal's problems say when something began ("since 14:05:12"): the time of day to the
 * second, in the machine's time zone, as it is for the operator beside the wall.
 *
 * <p>Thread-safe.
 */
public final class TimeOfDay {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private TimeOfDay() {}

  public static String of(Instant instant) {
    return FORMAT.format(instant);
  }
}
