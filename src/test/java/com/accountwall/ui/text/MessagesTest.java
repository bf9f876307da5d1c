package com.accountwall.ui.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The window's bundles are whole: German has every English key and no other, every key the window
 * uses (in FXML as {@code %key}, in code as a literal) is in them, and every key in them is used.
 * Reads the window's sources from the project folder, where Maven runs the tests.
 */
class MessagesTest {
  private static final Path UI_CODE = Path.of("src/main/java/com/accountwall/ui");
  private static final Path UI_FXML = Path.of("src/main/resources/com/accountwall/ui");
  private static final Pattern FXML_KEY = Pattern.compile("=\"%([\\w.]+)\"");

  private final Properties english = read("messages.properties");
  private final Properties german = read("messages_de.properties");

  @Test
  void germanHasExactlyTheEnglishKeys() {
    assertEquals(keys(english), keys(german));
  }

  @Test
  void everyKeyInTheFxmlIsInTheBundle() {
    Set<String> used = used(UI_FXML, ".fxml", FXML_KEY);
    assertFalse(used.isEmpty(), "the FXML takes its words from the bundle");
    assertTrue(keys(english).containsAll(used), missing(used));
  }

  @Test
  void everyKeyInTheCodeIsInTheBundleAndEveryKeyIsUsed() {
    String prefixes =
        keys(english).stream()
            .map(key -> key.substring(0, key.indexOf('.')))
            .distinct()
            .collect(Collectors.joining("|"));
    Set<String> inCode = // "wall.css" is a file, not a key
        used(
            UI_CODE, ".java", Pattern.compile("\"((?:" + prefixes + ")\\.(?!css\"|fxml\")\\w+)\""));
    assertTrue(keys(english).containsAll(inCode), missing(inCode));

    Set<String> unused = new TreeSet<>(keys(english));
    unused.removeAll(inCode);
    unused.removeAll(used(UI_FXML, ".fxml", FXML_KEY));
    assertEquals(Set.of(), unused, "keys nothing uses");
  }

  @Test
  void eachMessageIsAPatternWithNoApostropheAndItsLanguagesPlaces() {
    for (String key : keys(english)) {
      for (Properties language : new Properties[] {english, german}) {
        String message = language.getProperty(key);
        assertFalse(
            message.contains("'"), key + " has an apostrophe, a pattern's quote: " + message);
        new MessageFormat(message); // throws for a broken pattern
      }
      assertEquals(
          new MessageFormat(english.getProperty(key)).getFormatsByArgumentIndex().length,
          new MessageFormat(german.getProperty(key)).getFormatsByArgumentIndex().length,
          key + " takes as many arguments in each language");
    }
  }

  private String missing(Set<String> used) {
    Set<String> missing = new TreeSet<>(used);
    missing.removeAll(keys(english));
    return "not in the bundle: " + missing;
  }

  private static Set<String> keys(Properties messages) {
    return new TreeSet<>(messages.stringPropertyNames());
  }

  private static Set<String> used(Path folder, String suffix, Pattern key) {
    try (Stream<Path> files = Files.walk(folder)) {
      Set<String> used = new TreeSet<>();
      for (Path file : files.filter(path -> path.toString().endsWith(suffix)).toList()) {
        Matcher matcher = key.matcher(Files.readString(file));
        while (matcher.find()) {
          used.add(matcher.group(1));
        }
      }
      return used;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Properties read(String name) {
    try (InputStream in = Texts.class.getResourceAsStream(name)) {
      Properties messages = new Properties();
      messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return messages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
