package com.accountwall.core;

/**
 * The rule for the text of an account's profile, its name and its team, wherever one is given: on
 * the command line ({@code --team}), in the settings file, through the API or in the window. One to
 * {@value #MAX_LENGTH} characters (Unicode code points), none of them a control character ({@link
 * Character#isISOControl}: no line break, tab or escape that could break a line of the wall or of a
 * log). The directory's own profiles are shown as they are; this rule is for what the wall is
 * given.
 *
 * <p>Thread-safe: stateless.
 */
public final class ProfileText {
  /** The most characters a name or a team may have. */
  public static final int MAX_LENGTH = 200;

  private ProfileText() {}

  /**
   * Checks {@code text} against the rule. The message says what is wrong without the field's name,
   * which the caller puts in front ({@code "team: must be 1 to 200 characters, was 201"}).
   *
   * @return {@code text}, unchanged
   * @throws IllegalArgumentException if it is null, empty, longer than {@value #MAX_LENGTH}
   *     characters or has a control character
   */
  public static String check(String text) {
    if (text == null) {
      throw new IllegalArgumentException("must be text of 1 to " + MAX_LENGTH + " characters");
    }
    int length = text.codePointCount(0, text.length());
    if (length < 1 || length > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "must be 1 to " + MAX_LENGTH + " characters, was " + length);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            String.format(
                "must not contain control characters, has U+%04X at character %d",
                (int) c, text.codePointCount(0, i) + 1));
      }
    }
    return text;
  }
}
