package com.accountwall.settings;

import java.time.Duration;

/**
 * What the wall remembers across restarts: its theme, the simulated order rate, the lifetime, how
 * many seconds each page shows in kiosk mode, and the screen it opens on. Immutable.
 *
 * @param rate simulated orders per second, at least 0
 * @param lifetime positive
 * @param pageSeconds at least 1
 * @param screen index into the screens, from 0; a screen that is gone means the primary one
 */
public record WallSettings(Theme theme, double rate, Duration lifetime, int pageSeconds, int screen) {
  public static final int DEFAULT_PAGE_SECONDS = 10;

  public WallSettings withTheme(Theme newTheme) {
    return new WallSettings(newTheme, rate, lifetime, pageSeconds, screen);
  }

  public WallSettings withRate(double newRate) {
    return new WallSettings(theme, newRate, lifetime, pageSeconds, screen);
  }

  public WallSettings withLifetime(Duration newLifetime) {
    return new WallSettings(theme, rate, newLifetime, pageSeconds, screen);
  }
}
