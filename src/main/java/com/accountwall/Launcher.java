package com.accountwall;

import java.util.List;
import javafx.application.Application;

/**
 * The entry point for {@code java -jar} and {@code mvn javafx:run}. It does not extend {@link
 * Application}, because the JDK's launcher refuses a JavaFX application class when JavaFX is on the
 * class path rather than the module path. It checks the options before any window opens.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    List<String> options = List.of(args);
    if (WallSettings.asksForHelp(options)) {
      System.out.println(WallSettings.USAGE);
      return;
    }
    try {
      WallSettings.parse(options);
    } catch (IllegalArgumentException e) {
      System.err.println("account-wall: " + e.getMessage());
      System.err.println(WallSettings.USAGE);
      System.exit(2);
    }
    Application.launch(AccountWallApp.class, args);
  }
}
