package com.accountwall.core;

import java.util.Objects;

/**
 * What the {@link AccountDirectory} knows about an account beyond its id: its name, and a free-form
 * {@code attribute}, the seed's {@code some_attribute}, which the API and the accounts file call
 * the account's team (empty for none).
 *
 * <p>A profile read from the database is taken as it is; one that comes in (the API's {@code PUT
 * /api/accounts/{id}/profile}, {@code --import-accounts}) must pass {@link #problemWith} for its
 * name and for a team it gives. Immutable.
 */
public record AccountProfile(String name, String attribute) {
  /** The most characters (Unicode code points) a name or a team may have. */
  public static final int MAX_CHARACTERS = 200;

  public AccountProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(attribute, "attribute");
  }

  /**
   * The rule for a name or a team that comes in, wherever it comes from: 1 to {@value
   * #MAX_CHARACTERS} characters, counted as Unicode code points (as PostgreSQL's {@code
   * VARCHAR(200)} counts them), none of them a control character (Unicode category Cc: U+0000 to
   * U+001F, U+007F to U+009F, so no tab and no line break), a line or paragraph separator (U+2028,
   * U+2029) or half of a surrogate pair. Nothing is trimmed: spaces are characters like any other.
   *
   * @return what is wrong with {@code text}, such as {@code control character U+0007 at character
   *     5}, for a message that names the field before it; null if nothing is
   */
  public static String problemWith(String text) {
    int characters = text.codePointCount(0, text.length());
    if (characters == 0) {
      return "empty: give 1 to " + MAX_CHARACTERS + " characters";
    }
    if (characters > MAX_CHARACTERS) {
      return characters + " characters: at most " + MAX_CHARACTERS;
    }
    int position = 0;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      position++;
      int c = text.codePointAt(i);
      String kind =
          switch (Character.getType(c)) {
            case Character.CONTROL -> "control character";
            case Character.LINE_SEPARATOR -> "line separator";
            case Character.PARAGRAPH_SEPARATOR -> "paragraph separator";
            case Character.SURROGATE -> "lone surrogate";
            default -> null;
          };
      if (kind != null) {
        return kind + " " + String.format("U+%04X", c) + " at character " + position;
      }
    }
    return null;
  }

  /**
   * {@link #problemWith} for callers that refuse by throwing: the command line's {@code --team},
   * the settings file, {@code /api/display}.
   *
   * @return {@code text}, unchanged
   * @throws IllegalArgumentException saying what is wrong, without the field's name, which the
   *     caller puts in front ({@code "team: 201 characters: at most 200"}); also for null
   */
  public static String checkText(String text) {
    if (text == null) {
      throw new IllegalArgumentException("missing: give 1 to " + MAX_CHARACTERS + " characters");
    }
    String problem = problemWith(text);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return text;
  }
}
