package com.accountwall.ui.controls;

import com.accountwall.settings.WallSettings;

/** Reads a daily goal typed by a person, with a message that says what to type. */
final class GoalInput {
  private GoalInput() {}

  /**
   * The goal in {@code text}, surrounding blanks and thousands separators ignored; an empty text is
   * no goal (0).
   *
   * @throws IllegalArgumentException with a message for the person, if it is neither empty nor a
   *     whole number of widgets from 1 on
   */
  static long parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      return WallSettings.NO_GOAL;
    }
    try {
      return WallSettings.checkGoal(Long.parseLong(trimmed.replace(",", "")));
    } catch (IllegalArgumentException e) { // not a number, or not a goal
      throw new IllegalArgumentException(
          "\u201c"
              + trimmed
              + "\u201d is not a goal: type a whole number of widgets, 1 or more"
              + " (empty for no goal).",
          e);
    }
  }
}
