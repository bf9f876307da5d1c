package com.accountwall.ui.controls;

import com.accountwall.ui.text.Texts;

/** Reads an account id typed by a person, with a message that says what to type instead. */
final class AccountIdInput {
  private AccountIdInput() {}

  /**
   * The account id in {@code text}, surrounding blanks ignored.
   *
   * @throws IllegalArgumentException with a message for the person in {@code texts}' language, if
   *     it is not a positive whole number that fits a {@code long}; short enough for two lines
   *     under the box
   */
  static long parse(String text, Texts texts) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException(texts.text("input.accountIdEmpty"));
    }
    long id;
    try {
      id = Long.parseLong(trimmed);
    } catch (NumberFormatException e) {
      if (trimmed.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException(texts.text("input.accountIdTooLarge", trimmed), e);
      }
      id = 0;
    }
    if (id <= 0) {
      throw new IllegalArgumentException(texts.text("input.accountIdInvalid", trimmed));
    }
    return id;
  }
}
