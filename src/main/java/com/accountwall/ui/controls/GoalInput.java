package com.accountwall.ui.controls;

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
      return 0;
    }
    long goal;
    try {
      goal = Long.parseLong(trimmed.replace(",", ""));
    } catch (NumberFormatException e) {
      goal = -1;
    }
    if (goal < 1) {
      throw new IllegalArgumentException(
          "\u201c"
              + trimmed
              + "\u201d is not a goal: type a whole number of widgets, 1 or more"
              + " (empty for no goal).");
    }
    return goal;
  }
}
