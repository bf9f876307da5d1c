package com.accountwall.ui.controls;

import com.accountwall.settings.WallSettings;
import com.accountwall.ui.text.Texts;

/** Reads a rate of simulated orders typed by a person, with a message that says what to type. */
final class RateInput {
  private RateInput() {}

  /**
   * The orders per second in {@code text}, surrounding blanks ignored.
   *
   * @throws IllegalArgumentException with a message for the person in {@code texts}' language, if
   *     it is not a whole number from 0 to {@link WallSettings#MAX_RATE}
   */
  static int parse(String text, Texts texts) {
    String trimmed = text == null ? "" : text.strip();
    String most = texts.count(WallSettings.MAX_RATE);
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException(texts.text("input.rateEmpty", most));
    }
    int rate;
    try {
      rate = Integer.parseInt(trimmed);
    } catch (NumberFormatException e) {
      rate = -1;
    }
    if (rate < 0 || rate > WallSettings.MAX_RATE) {
      throw new IllegalArgumentException(texts.text("input.rateInvalid", trimmed, most));
    }
    return rate;
  }
}
