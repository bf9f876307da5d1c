package com.accountwall.settings;

import java.time.Duration;

/**
 * What the wall remembers across restarts: its theme, the simulated order rate, the lifetime, how
 * many seconds each page shows in kiosk mode, the screen it opens on, and the daily goal.
 * Immutable.
 *
 * @param rate simulated orders per second, see {@link #checkRate}
 * @param lifetime from {@link #MIN_LIFETIME} to {@link #MAX_LIFETIME}, see {@link #checkLifetime}
 * @param pageSeconds at least 1
 * @param screen index into the screens, from 0; a screen that is gone means the primary one
 * @param goal widgets to sell each day, see {@link #checkGoal}; {@link #NO_GOAL} for none
 */
public record WallSettings(
    Theme theme, double rate, Duration lifetime, int pageSeconds, int screen, long goal) {
  public static final int DEFAULT_PAGE_SECONDS = 10;

  /** The goal of a wall that has none. */
  public static final long NO_GOAL = 0;

  /** Settings without a daily goal. */
  public WallSettings(Theme theme, double rate, Duration lifetime, int pageSeconds, int screen) {
    this(theme, rate, lifetime, pageSeconds, screen, NO_GOAL);
  }

  /**
   * The rule for a daily goal, wherever one is read or set (the command line, the settings file,
   * the window).
   *
   * @return {@code goal}
   * @throws IllegalArgumentException if it is under 1 widget
   */
  public static long checkGoal(long goal) {
    if (goal < 1) {
      throw new IllegalArgumentException("a goal must be at least 1 widget, was " + goal);
    }
    return goal;
  }

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
