package com.accountwall;

import com.accountwall.files.SettingsFile;

/**
 * The wall's own window, as {@link Launcher} opens it, over a wall that a harness started with a
 * clock of its own; {@link AccountWallApp#show} is the launcher's, so a harness reaches it here.
 */
public final class SoakWindow {
  private SoakWindow() {}

  /** Opens the window on {@code wall} and returns once it is closed, with the wall stopped. */
  public static void show(Wall wall, WallConfig config, SettingsFile settings) {
    try {
      AccountWallApp.show(AccountWallApp.startJavaFx(), wall, config, settings);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
