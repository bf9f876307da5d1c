package com.accountwall.ui;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.display.DisplayState;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.settings.WallSettings;

/** Display states for window tests, over a supervisor and a generator of the test's own. */
final class TestDisplays {
  private TestDisplays() {}

  /**
   * A display state that starts as {@code settings} say, its simulated orders as {@code generator}
   * runs unless they say otherwise, and changes the lifetime on {@code supervisor} at once.
   */
  static DisplayState.Builder of(
      WallSettings settings, OrderGenerator generator, AccountSupervisor supervisor) {
    return DisplayState.builder(
        new WallSettings(
            settings.theme(),
            settings.rate(),
            settings.lifetime(),
            settings.pageSeconds(),
            settings.screen(),
            settings.goal(),
            settings.kiosk(),
            settings.pagingPaused(),
            settings.generator() != null ? settings.generator() : generator.isRunning(),
            settings.schedule(),
            settings.team()),
        generator,
        supervisor::setLifetime);
  }
}
