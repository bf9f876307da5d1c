package com.accountwall.bench;

import java.util.Map;

/**
 * Where a harness shows the wall's window, from its {@code --screen} option: {@code headless} (the
 * default), Monocle's headless screen with software rendering, so it runs without a display as CI
 * does; or {@code display}, the real one (under {@code xvfb-run}, say).
 */
final class HarnessScreen {
  private HarnessScreen() {}

  /** Sets JavaFX up for the screen {@code options} name; call it before JavaFX starts. */
  static void choose(Map<String, String> options) {
    String screen = options.getOrDefault("--screen", "headless");
    if (!screen.equals("headless") && !screen.equals("display")) {
      throw new IllegalArgumentException("--screen is headless or display, was " + screen);
    }
    if (screen.equals("headless")) {
      System.setProperty("glass.platform", "Monocle");
      System.setProperty("monocle.platform", "Headless");
      System.setProperty("prism.order", "sw");
    }
  }
}
