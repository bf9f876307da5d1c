package com.accountwall.ui.controls;

import com.accountwall.settings.WallSettings;
import com.accountwall.ui.text.Texts;
import java.text.DecimalFormatSymbols;

/** Reads a daily goal typed by a person, with a message that says what to type. */
final class GoalInput {
  private GoalInput() {}

  /**
   * The goal in {@code text}, surrounding blanks and the thousands separators of {@code texts}'
   * locale ignored ("12,000", or "12.000" in German); an empty text is no goal (0).
   *
   * @throws IllegalArgumentException with a message for the person in {@code texts}' language, if
   *     it is neither empty nor a whole number of widgets from 1 on
   */
  static long parse(String text, Texts texts) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      return WallSettings.NO_GOAL;
    }
    char separator = DecimalFormatSymbols.getInstance(texts.locale()).getGroupingSeparator();
    try {
      return WallSettings.checkGoal(Long.parseLong(trimmed.replace(String.valueOf(separator), "")));
    } catch (IllegalArgumentException e) { // not a number, or not a goal
      throw new IllegalArgumentException(texts.text("input.goalInvalid", trimmed), e);
    }
  }
}
