package com.accountwall;

/**
 * The wall's own window, as {@link Launcher} opens it, over a wall that a harness started with a
 * clock of its own; {@link AccountWallApp#show} is the launcher's, so a harness reaches it here.
 */
public final class SoakWindow {
  private SoakWindow() {}

  /**
   * Opens the window on {@code wall} and returns once it is closed, with the wall stopped; its
   * settings are remembered by the wall's display state, in the wall's data folder. The harness
   * handles no shutdown signals of its own, so none is to close the window first.
   */
  public static void show(Wall wall, WallConfig config) {
    try {
      AccountWallApp.show(AccountWallApp.startJavaFx(), wall, config, closing -> {});
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
