package com.accountwall.ui.text;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * When something happened, as the wall says it to the room: the time of day to the minute ("14:02")
 * when it was today, with the day before it ("Sun 22 Nov 14:02") when it was earlier, in the wall's
 * time zone. The same on every screen whatever the machine's locale.
 *
 * <p>Thread-safe.
 */
public final class TimesOfDay {
  private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter EARLIER =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private TimesOfDay() {}

  /** {@code then} as seen at {@code now} in {@code zone}: "14:02", or "Sun 22 Nov 14:02". */
  public static String of(Instant then, Instant now, ZoneId zone) {
    ZonedDateTime at = then.atZone(zone);
    boolean today = at.toLocalDate().equals(now.atZone(zone).toLocalDate());
    return (today ? TODAY : EARLIER).format(at);
  }
}
