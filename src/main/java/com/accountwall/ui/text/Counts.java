package com.accountwall.ui.text;

import java.util.Locale;

/**
 * How the wall writes a count: whole, with thousands separators ("12,480"), the same on every
 * screen whatever the machine's locale, so a wall reads alike on every floor.
 *
 * <p>Thread-safe, unlike a shared {@code NumberFormat}: the window's own orders format their answer
 * off the JavaFX thread.
 */
public final class Counts {
  private Counts() {}

  /** {@code count} with thousands separators: "12,480". */
  public static String format(long count) {
    return String.format(Locale.US, "%,d", count);
  }
}
