package com.accountwall.ui.text;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The window's words and how it writes numbers and times, for one {@link Locale}: every text the
 * window shows comes from the resource bundle {@value #BUNDLE} ({@code messages.properties},
 * English, and one file per further language, such as {@code messages_de.properties}), read as
 * UTF-8; counts, times of day and lifetimes are written for the locale ("12,480" or "12.480", "Sun
 * 22 Nov 14:02" or "So. 22. Nov. 14:02"). A locale with no words of its own gets the English ones
 * and still its own numbers, never the words of the machine's locale: the window speaks as it was
 * told.
 *
 * <p>The wall's one instance is made from {@code --locale} as the window's model is built, and
 * handed to each room that writes; FXML gets its {@link #bundle()} through the loader. Only the
 * window speaks the locale: the API, the logs and the command line stay in English.
 *
 * <p>A message with arguments is a {@link MessageFormat} pattern; a message without is used as it
 * stands. So no message uses an ASCII apostrophe (which a pattern would take for a quote): they
 * write ’. Ids are passed as text, so that no separator splits them.
 *
 * <p>Immutable and thread-safe: the window's own orders write their answer off the JavaFX thread.
 */
public final class Texts {
  /** The base name of the window's resource bundle. */
  public static final String BUNDLE = "com.accountwall.ui.text.messages";

  /** The window in English: what a test sees unless it asks for another language. */
  public static final Texts ENGLISH = of(Locale.ENGLISH);

  private final Locale locale;
  private final ResourceBundle bundle;
  private final DateTimeFormatter time;
  private final DateTimeFormatter dayAndTime;

  private Texts(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            Texts.class.getClassLoader(),
            // Not the machine's locale's words when the wall's locale has none: English.
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.time = DateTimeFormatter.ofPattern(bundle.getString("format.time"), locale);
    this.dayAndTime = DateTimeFormatter.ofPattern(bundle.getString("format.dayAndTime"), locale);
  }

  /** The window's words and formats for {@code locale}. */
  public static Texts of(Locale locale) {
    return new Texts(Objects.requireNonNull(locale, "locale"));
  }

  /** The locale the window writes for. */
  public Locale locale() {
    return locale;
  }

  /** The window's words in this locale, for {@code FXMLLoader.setResources} and {@code %key}. */
  public ResourceBundle bundle() {
    return bundle;
  }

  /**
   * The message {@code key}, with {@code arguments} put in its places ({@link MessageFormat}, in
   * this locale) if there are any.
   *
   * @throws java.util.MissingResourceException if the bundle has no such key
   */
  public String text(String key, Object... arguments) {
    String message = bundle.getString(key);
    return arguments.length == 0 ? message : new MessageFormat(message, locale).format(arguments);
  }

  /** {@code count} with this locale's thousands separators: "12,480", "12.480". */
  public String count(long count) {
    return String.format(locale, "%,d", count);
  }

  /** The time of day to the minute, in {@code zone}: "14:02". */
  public String time(Instant at, ZoneId zone) {
    return time.format(at.atZone(zone));
  }

  /**
   * When something happened, as the wall says it to the room: the time of day ("14:02") when it was
   * today at {@code now}, with the day before it ("Sun 22 Nov 14:02") when it was earlier, in
   * {@code zone}.
   */
  public String timeOfDay(Instant then, Instant now, ZoneId zone) {
    ZonedDateTime at = then.atZone(zone);
    boolean today = at.toLocalDate().equals(now.atZone(zone).toLocalDate());
    return (today ? time : dayAndTime).format(at);
  }

  /** A lifetime in words: "30 s", "10 min", "24 h", "1 h 30 min". */
  public String duration(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return text("duration.seconds", count(seconds));
    }
    StringBuilder words = new StringBuilder();
    append(words, seconds / 3_600, "duration.hours");
    append(words, seconds / 60 % 60, "duration.minutes");
    append(words, seconds % 60, "duration.seconds");
    return words.toString();
  }

  private void append(StringBuilder words, long amount, String unit) {
    if (amount > 0) {
      words.append(words.length() == 0 ? "" : " ").append(text(unit, count(amount)));
    }
  }

  @Override
  public String toString() {
    return "Texts[" + locale.toLanguageTag() + "]";
  }
}
