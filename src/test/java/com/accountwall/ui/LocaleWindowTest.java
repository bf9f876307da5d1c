package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.api.ApiEndpoint;
import com.accountwall.api.ApiToken;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.day.WallDay;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import com.accountwall.ui.text.Texts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The second locale renders every label: the real window, headless, in German and in English, with
 * figures, the goal, a celebration, errors under the controls, the API's token and a status message
 * showing. Every text in the scene graph (labels, texts, prompts, tooltips, column headers, hidden
 * ones included) is made of its own language's words and the wall's data, with none of the other
 * language's words, and counts have the language's separators. The window's own words fit: no
 * control, tile caption or detail, or column header is cut short, in the window's size on a 1080p
 * screen.
 */
@ExtendWith(ApplicationExtension.class)
class LocaleWindowTest {
  /** What is typed into the account id and the goal, refused, and so said back in the errors. */
  private static final String TYPED_ID = "abc";

  private static final String TYPED_GOAL = "lots";

  /** The API, its token kept in a file: the status bar names both, the controls mask the token. */
  private static final ApiEndpoint API =
      new ApiEndpoint(
          URI.create("http://127.0.0.1:8080"),
          new ApiToken("3kP1xyzabcdefghijklmnop", true, Path.of("/var/lib/wall/api-token")),
          null);

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+(,\\w+)?(,[^{}|#<]*)?}");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final AccountSupervisor supervisor =
      AccountSupervisor.builder().clock(clock).lifetime(Duration.ofDays(2)).build();
  private final OrderGenerator generator =
      OrderGenerator.builder(supervisor).rate(0).seed(1).build();
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void stop() {
    generator.close();
  }

  @Test
  void theGermanWindowSpeaksGermanThroughout(FxRobot robot) throws Exception {
    List<String> texts = show(Locale.GERMANY, robot);

    assertSpeaks(Locale.GERMANY, Locale.ENGLISH, texts);
    assertEquals(List.of(), cutShort(robot));
    assertTrue(texts.contains("12.480"), "German thousands: " + texts);
    assertTrue(texts.contains("Nachbestellen"), "FXML's words from the bundle: " + texts);
    assertTrue(
        texts.stream().noneMatch(text -> Pattern.compile("\\d,\\d{3}").matcher(text).find()),
        "no English thousands: " + texts);
  }

  @Test
  void theEnglishWindowSpeaksEnglishThroughout(FxRobot robot) throws Exception {
    List<String> texts = show(Locale.US, robot);

    assertSpeaks(Locale.ENGLISH, Locale.GERMANY, texts);
    assertEquals(List.of(), cutShort(robot));
    assertTrue(texts.contains("12,480"), "English thousands: " + texts);
    assertTrue(texts.contains("Order one more"), "FXML's words from the bundle: " + texts);
    assertTrue(
        texts.stream().noneMatch(text -> Pattern.compile("\\d\\.\\d{3}").matcher(text).find()),
        "no German thousands: " + texts);
  }

  /**
   * Opens the window in {@code locale} with as much showing as one screen holds, and returns every
   * text in its scene graph.
   */
  private List<String> show(Locale locale, FxRobot robot) throws Exception {
    WallModel wall =
        WallModel.builder(supervisor, clock, generator)
            .display(
                TestDisplays.of(
                        new WallSettings(Theme.DARK, 0, supervisor.lifetime(), 10, 0, 20_000),
                        generator,
                        supervisor)
                    .build())
            .day(WallDay.midnights(ZoneOffset.UTC))
            .bigOrder(5_000)
            .api(API)
            .locale(locale)
            .build();
    FrameDriver driver = new FrameDriver(wall);
    Parent root = WallView.load(wall);
    robot.interact(
        () -> {
          stage.setScene(new Scene(root, 1600, 900)); // as the app opens on a 1080p screen
          stage.show();
        });
    supervisor.order(1, 12_480); // a big order, celebrated
    supervisor.order(2, 7);
    supervisor.order(3, 1);
    driver.frame(robot);
    robot.clickOn("#accountIdField").write(TYPED_ID);
    robot.clickOn("#orderButton");
    robot.interact(() -> wall.controls().typedGoalProperty().set("")); // the goal in force
    robot.clickOn("#goalField").write(TYPED_GOAL);
    robot.clickOn("#goalButton");
    robot.interact(
        () -> robot.lookup("#accounts").queryAs(TableView.class).getSelectionModel().select(2));
    robot.clickOn("#revealButton"); // the button then says what hides it
    robot.clickOn("#orderSelectedButton");
    driver.frames(robot, Duration.ofSeconds(2)); // the figures glide to their values
    List<String> texts = new ArrayList<>();
    robot.interact(() -> collect(root, texts));
    return texts;
  }

  /**
   * The texts of the window's own words that are drawn cut short: in the controls, the tiles'
   * captions and details, and the column headers. (Names and countdowns in narrow columns may be.)
   */
  private static List<String> cutShort(FxRobot robot) {
    List<String> cut = new ArrayList<>();
    robot.interact(
        () ->
            Stream.of(
                    "#controls .label",
                    "#controls .button",
                    ".kpi-caption",
                    ".kpi-detail",
                    ".column-header .label")
                .flatMap(query -> robot.lookup(query).queryAllAs(Labeled.class).stream())
                .filter(labeled -> shown(labeled) && labeled.getText() != null)
                .forEach(
                    labeled -> {
                      Text drawn = robot.from(labeled).lookup(".text").queryAs(Text.class);
                      if (drawn != null && !labeled.getText().equals(drawn.getText())) {
                        cut.add(labeled.getText() + " drawn as " + drawn.getText());
                      }
                    }));
    return cut;
  }

  /**
   * Whether {@code node} and every parent of it are visible: a hidden tile's caption is not cut.
   */
  private static boolean shown(Node node) {
    for (Node at = node; at != null; at = at.getParent()) {
      if (!at.isVisible()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Asserts that each of {@code texts} is made of {@code own}'s words and the wall's data alone:
   * what is left once they are taken out holds no word of {@code other}'s, nor any letter.
   */
  private void assertSpeaks(Locale own, Locale other, List<String> texts) {
    List<String> ownWords = words(own);
    Set<String> otherWords = new LinkedHashSet<>(words(other));
    ownWords.forEach(otherWords::remove);
    List<String> data =
        new ArrayList<>(
            List.of(
                TYPED_ID,
                TYPED_GOAL,
                API.address().toString(),
                API.tokenStart(),
                API.tokenFile().toString()));
    supervisor.accounts().forEach(account -> data.add(account.name()));
    for (String text : texts) {
      String rest = text;
      for (String name : data) {
        rest = rest.replace(name, " ");
      }
      for (String word : ownWords) {
        rest = wholeWord(word).matcher(rest).replaceAll(" ");
      }
      for (String word : otherWords) {
        assertTrue(
            !wholeWord(word).matcher(rest).find(),
            "\"" + word + "\" of " + other + " in \"" + text + "\"");
      }
      assertEquals(
          "",
          rest.replaceAll("[^\\p{L}]", ""),
          "\"" + text + "\" has words from neither the bundle nor the data");
    }
  }

  /**
   * The words of {@code locale}'s bundle: the fixed parts of each message around its places, the
   * longest first, so that a longer one is taken before a part of it.
   */
  private static List<String> words(Locale locale) {
    ResourceBundle bundle = Texts.of(locale).bundle();
    return bundle.keySet().stream()
        .filter(key -> !key.startsWith("format.")) // patterns of dates, not words
        .flatMap(key -> fixedParts(bundle.getString(key)).stream())
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }

  /** The parts of {@code message} around its places, choices' alternatives taken apart. */
  private static List<String> fixedParts(String message) {
    String cut =
        PLACEHOLDER
            .matcher(message)
            .replaceAll("\u0000")
            .replaceAll("\\{\\d+,choice,\\d+[#<]", "\u0000")
            .replaceAll("\\|\\d+[#<]", "\u0000")
            .replace("}", "\u0000");
    return Pattern.compile("\u0000")
        .splitAsStream(cut)
        .map(String::strip)
        .filter(part -> part.codePoints().anyMatch(Character::isLetter))
        .toList();
  }

  /** {@code word}, not as part of a longer word. */
  private static Pattern wholeWord(String word) {
    return Pattern.compile(
        (Character.isLetter(word.codePointAt(0)) ? "(?<!\\p{L})" : "")
            + Pattern.quote(word)
            + (Character.isLetter(word.codePointBefore(word.length())) ? "(?!\\p{L})" : ""));
  }

  /**
   * Every text under {@code node}, shown or not: what a person could come to read; of a text field,
   * its prompt, not what was typed into it.
   */
  private static void collect(Node node, List<String> texts) {
    if (node instanceof Labeled labeled) {
      add(labeled.getText(), texts);
    } else if (node instanceof Text text && !(text.getParent() instanceof Labeled)) {
      add(text.getText(), texts);
    }
    if (node instanceof TextInputControl input) {
      add(input.getPromptText(), texts);
      return;
    }
    if (node instanceof Control control && control.getTooltip() != null) {
      add(control.getTooltip().getText(), texts);
    }
    if (node instanceof TableView<?> table) {
      table.getColumns().forEach(column -> add(column.getText(), texts));
    }
    if (node instanceof Parent parent) {
      parent.getChildrenUnmodifiable().forEach(child -> collect(child, texts));
    }
  }

  private static void add(String text, List<String> texts) {
    if (text != null && !text.isBlank()) {
      texts.add(text);
    }
  }
}
