package com.accountwall.files;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Where a user's data folder is when none is given, as each platform keeps an application's data:
 * {@code %LOCALAPPDATA%\AccountWall} on Windows, {@code ~/Library/Application Support/Account Wall}
 * on macOS, and elsewhere {@code $XDG_DATA_HOME/account-wall}, or {@code
 * ~/.local/share/account-wall} without it (the XDG Base Directory default).
 *
 * <p>Thread-safe: it reads the system properties and the environment, and keeps nothing.
 */
public final class DataFolders {
  private DataFolders() {}

  /** This user's data folder on this machine. */
  public static Path perUser() {
    return perUser(
        System.getProperty("os.name", ""),
        Path.of(System.getProperty("user.home")),
        System::getenv);
  }

  /**
   * The data folder of a user whose home is {@code home}, on the platform named {@code osName} (as
   * the {@code os.name} property has it), with {@code environment} the user's environment variables
   * (null for one that is not set).
   */
  static Path perUser(String osName, Path home, UnaryOperator<String> environment) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      String local = environment.apply("LOCALAPPDATA");
      return (local != null ? Path.of(local) : home).resolve("AccountWall");
    }
    if (os.contains("mac")) {
      return home.resolve("Library/Application Support/Account Wall");
    }
    String xdg = environment.apply("XDG_DATA_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share"))
        .resolve("account-wall");
  }
}
