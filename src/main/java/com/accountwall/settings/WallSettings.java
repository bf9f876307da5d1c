package com.accountwall.settings;

import java.time.Duration;

/**
 * What the wall remembers across restarts: its theme, the simulated order rate, the lifetime, how
 * many seconds each page shows in kiosk mode, and the screen it opens on. Immutable.
 *
 * @param rate simulated orders per second, see {@link #checkRate}
 * @param lifetime from {@link #MIN_LIFETIME} to {@link #MAX_LIFETIME}, see {@link #checkLifetime}
 * @param pageSeconds at least 1
 * @param screen index into the screens, from 0; a screen that is gone means the primary one
 */
public record WallSettings(
    Theme theme, double rate, Duration lifetime, int pageSeconds, int screen) {
  public static final int DEFAULT_PAGE_SECONDS = 10;

  /** Deadlines are kept in milliseconds, so a lifetime shorter than one is none. */
  public static final Duration MIN_LIFETIME = Duration.ofMillis(1);

  /** Ten years: far beyond any use, and far from where deadlines in milliseconds overflow. */
  public static final Duration MAX_LIFETIME = Duration.ofDays(3650);

  /**
   * The rule for a simulated order rate, wherever one is read or set (the command line, the
   * settings file, the generator).
   *
   * @return {@code rate}
   * @throws IllegalArgumentException if it is negative, not a number or infinite
   */
  public static double checkRate(double rate) {
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(
          "a rate must be a finite number of orders per second, 0 or more, was " + rate);
    }
    return rate;
  }

  /**
   * The rule for a lifetime, wherever one is read (the command line, the settings file).
   *
   * @return {@code lifetime}
   * @throws IllegalArgumentException if it is shorter than {@link #MIN_LIFETIME} or longer than
   *     {@link #MAX_LIFETIME}
   */
  public static Duration checkLifetime(Duration lifetime) {
    if (lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException("a lifetime must be from 1 ms to 3650 days");
    }
    return lifetime;
  }
}
