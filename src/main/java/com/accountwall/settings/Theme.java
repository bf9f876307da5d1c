package com.accountwall.settings;

import java.util.Locale;

/** The wall's colour themes. Dark suits a wall in a lit room best; light suits a sunny one. */
public enum Theme {
  DARK,
  LIGHT;

  /** The name used on the command line and in the settings file: {@code dark}, {@code light}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads {@code dark} or {@code light}, in any case.
   *
   * @throws IllegalArgumentException naming the text and the themes there are
   */
  public static Theme of(String text) {
    for (Theme theme : values()) {
      if (theme.id().equalsIgnoreCase(text.strip())) {
        return theme;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a theme; use dark or light");
  }
}
