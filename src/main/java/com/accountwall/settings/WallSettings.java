package com.accountwall.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * What the wall remembers across restarts: its theme, the simulated orders (whether they run, and
 * their rate), the lifetime, kiosk mode, how many seconds each page shows in kiosk mode and whether
 * paging is paused, the screen it opens on, the daily goal, the schedule it is awake by and the
 * team it shows (all teams by default). The rules each value must keep live here, once, as {@code
 * check...} methods, for whoever reads or sets one (the command line, the settings file, the
 * window, the API). Immutable.
 *
 * @param rate simulated orders per second, see {@link #checkRate}
 * @param lifetime from {@link #MIN_LIFETIME} to {@link #MAX_LIFETIME}, see {@link #checkLifetime}
 * @param pageSeconds see {@link #checkPageSeconds}
 * @param screen index into the screens, from 0; a screen that is gone means the primary one
 * @param goal widgets to sell each day, see {@link #checkGoal}; {@link #NO_GOAL} for none
 * @param kiosk whether the window is in kiosk mode
 * @param pagingPaused whether kiosk mode stays on the page it shows instead of turning pages
 * @param generator whether simulated orders run; null while nobody chose, when they run as the
 *     wall's mode has them (on with a window, off headless), so that a wall tried once with a
 *     window does not send simulated orders when it later runs headless on the same data folder
 * @param schedule when the window is awake; {@link Schedule#ALWAYS} for all the time
 * @param team the one team whose accounts the window shows, as the directory names it; null for all
 *     teams. Its rule is the core's {@code AccountProfile.checkText}, which its readers and setters
 *     apply (this package depends on nothing of the wall)
 */
public record WallSettings(
    Theme theme,
    double rate,
    Duration lifetime,
    int pageSeconds,
    int screen,
    long goal,
    boolean kiosk,
    boolean pagingPaused,
    Boolean generator,
    Schedule schedule,
    String team) {
  public static final int DEFAULT_PAGE_SECONDS = 10;

  /** The goal of a wall that has none. */
  public static final long NO_GOAL = 0;

  /**
   * The most simulated orders per second: ten times the load the wall's benchmark holds it to. A
   * higher rate would only queue orders the journal cannot take, a tick's worth at a time.
   */
  public static final int MAX_RATE = 1_000_000;

  /** Deadlines are kept in milliseconds, so a lifetime shorter than one is none. */
  public static final Duration MIN_LIFETIME = Duration.ofMillis(1);

  /** Ten years: far beyond any use, and far from where deadlines in milliseconds overflow. */
  public static final Duration MAX_LIFETIME = Duration.ofDays(3650);

  /**
   * @throws NullPointerException if {@code theme}, {@code lifetime} or {@code schedule} is null
   */
  public WallSettings {
    Objects.requireNonNull(theme, "theme");
    Objects.requireNonNull(lifetime, "lifetime");
    Objects.requireNonNull(schedule, "schedule");
  }

  /** Settings that show all teams. */
  public WallSettings(
      Theme theme,
      double rate,
      Duration lifetime,
      int pageSeconds,
      int screen,
      long goal,
      boolean kiosk,
      boolean pagingPaused,
      Boolean generator,
      Schedule schedule) {
    this(
        theme,
        rate,
        lifetime,
        pageSeconds,
        screen,
        goal,
        kiosk,
        pagingPaused,
        generator,
        schedule,
        null);
  }

  /** Settings with a daily goal, out of kiosk mode, simulated orders as the mode has them. */
  public WallSettings(
      Theme theme, double rate, Duration lifetime, int pageSeconds, int screen, long goal) {
    this(theme, rate, lifetime, pageSeconds, screen, goal, false, false, null, Schedule.ALWAYS);
  }

  /** Settings without a daily goal, out of kiosk mode, simulated orders as the mode has them. */
  public WallSettings(Theme theme, double rate, Duration lifetime, int pageSeconds, int screen) {
    this(theme, rate, lifetime, pageSeconds, screen, NO_GOAL);
  }

  /**
   * The rule for a daily goal, wherever one is read or set.
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

  /**
   * The rule for a simulated order rate, wherever one is read or set (the command line, the
   * settings file, the window's box, the API, the generator).
   *
   * @return {@code rate}
   * @throws IllegalArgumentException if it is negative, not a number or over {@link #MAX_RATE}
   */
  public static double checkRate(double rate) {
    if (!(rate >= 0 && rate <= MAX_RATE)) {
      throw new IllegalArgumentException(
          "a rate must be from 0 to " + MAX_RATE + " orders per second, was " + rate);
    }
    return rate;
  }

  /**
   * The rule for a lifetime, wherever one is read or set.
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

  /**
   * The rule for how long each page shows in kiosk mode, wherever it is read or set.
   *
   * @return {@code pageSeconds}
   * @throws IllegalArgumentException if it is under 1 second
   */
  public static int checkPageSeconds(int pageSeconds) {
    if (pageSeconds < 1) {
      throw new IllegalArgumentException(
          "a page must show for at least 1 second, was " + pageSeconds);
    }
    return pageSeconds;
  }

  /**
   * Whether simulated orders run under these settings, in a wall with a window ({@code headless}
   * false) or without one: as chosen, or else on with a window and off headless.
   */
  public boolean generatorRuns(boolean headless) {
    return generator != null ? generator : !headless;
  }
}
