package com.accountwall.ui.controls;

/** Reads an account id typed by a person, with a message that says what to type instead. */
final class AccountIdInput {
  private AccountIdInput() {}

  /**
   * The account id in {@code text}, surrounding blanks ignored.
   *
   * @throws IllegalArgumentException with a message for the person, if it is not a positive whole
   *     number that fits a {@code long}; short enough for two lines under the box
   */
  static long parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("Type an account id first.");
    }
    long id;
    try {
      id = Long.parseLong(trimmed);
    } catch (NumberFormatException e) {
      if (trimmed.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException(
            "\u201c" + trimmed + "\u201d is too large for an account id.", e);
      }
      id = 0;
    }
    if (id <= 0) {
      throw new IllegalArgumentException(
          "\u201c" + trimmed + "\u201d is not an account id: type a whole number, 1 or more.");
    }
    return id;
  }
}
