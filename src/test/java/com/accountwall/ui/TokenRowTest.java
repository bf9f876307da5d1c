package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.api.ApiEndpoint;
import com.accountwall.api.ApiToken;
import com.accountwall.api.TokenFile;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.ui.controls.ApiTokenModel;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The API token's row in the controls, on the real window, headless: masked, shown whole by its
 * button and masked again by it, after its time by the wall's clock and on entering kiosk mode,
 * where it cannot be shown; a file of tokens shows their names and none of them, a token the
 * operator gave shows not at all, and without an API there is no row. Frames and the clock are
 * driven by hand.
 */
@ExtendWith(ApplicationExtension.class)
class TokenRowTest {
  private static final URI ADDRESS = URI.create("http://127.0.0.1:8080");
  private static final String TOKEN = "3kP1xyzabcdefghijklmnopqrstuvwxy";
  private static final String MASKED = "3kP1\u2022\u2022\u2022\u2022\u2022\u2022";
  private static final String ERP = "erp-token-0123456789";
  private static final String SHOP = "shop-token-0123456789";

  @TempDir Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final AccountSupervisor supervisor = AccountSupervisor.builder().clock(clock).build();
  private final OrderGenerator generator =
      OrderGenerator.builder(supervisor).rate(0).seed(1).build();
  private Stage stage;
  private WallModel wall;
  private FrameDriver driver;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void stop() {
    generator.close();
  }

  /** Opens the window over an API that takes {@code api}'s tokens; null for no API. */
  private void show(ApiEndpoint api, FxRobot robot) throws Exception {
    wall = WallModel.builder(supervisor, clock, generator).api(api).build();
    driver = new FrameDriver(wall);
    Parent root = WallView.load(wall);
    robot.interact(
        () -> {
          stage.setScene(new Scene(root, 1600, 900));
          stage.show();
        });
    driver.frame(robot);
  }

  private void showKeptToken(FxRobot robot) throws Exception {
    show(
        new ApiEndpoint(ADDRESS, new ApiToken(TOKEN, true, data.resolve("api-token")), null),
        robot);
  }

  @Test
  void theTokenIsMaskedAndItsButtonShowsItWholeAndMasksItAgain(FxRobot robot) throws Exception {
    showKeptToken(robot);

    assertTrue(robot.lookup("#tokenRow").query().isVisible());
    assertFits(robot);
    assertEquals(MASKED, field(robot));
    assertEquals("Show", button(robot).getText());
    assertTrue(texts(robot).stream().noneMatch(text -> text.contains(TOKEN.substring(0, 5))));

    robot.clickOn("#revealButton");

    assertEquals(TOKEN, field(robot), "the token whole, to be copied");
    assertTrue(button(robot).isSelected());
    assertEquals("Hide", button(robot).getText());
    assertEquals("Token shown.", status(robot), "never the token");

    robot.clickOn("#revealButton");

    assertEquals(MASKED, field(robot));
    assertFalse(button(robot).isSelected());
    assertEquals("Show", button(robot).getText());
    assertEquals("Token hidden.", status(robot));
  }

  @Test
  void theTokenIsMaskedAgainAfterItsTimeByTheWallsClock(FxRobot robot) throws Exception {
    showKeptToken(robot);
    robot.clickOn("#revealButton");

    clock.advance(ApiTokenModel.SHOWN_FOR.minusSeconds(1));
    driver.frame(robot);
    assertEquals(TOKEN, field(robot));
    clock.advance(Duration.ofSeconds(1));
    driver.frame(robot);

    assertEquals(MASKED, field(robot));
    assertFalse(button(robot).isSelected());
    assertEquals("Token hidden.", status(robot));
  }

  @Test
  void kioskModeMasksTheTokenAndCannotShowIt(FxRobot robot) throws Exception {
    showKeptToken(robot);
    robot.clickOn("#revealButton");

    robot.type(KeyCode.F11);

    assertTrue(wall.kioskProperty().get());
    assertEquals(MASKED, field(robot));
    assertFalse(button(robot).isSelected());
    assertTrue(button(robot).isDisabled());
    assertFalse(robot.lookup("#controls").query().isVisible(), "the controls hide in kiosk mode");
    assertEquals("Kiosk mode.", status(robot), "what is read on leaving it");
    robot.interact(() -> wall.controls().token().reveal());
    assertEquals(MASKED, field(robot), "the model refuses, whatever the window shows");

    robot.type(KeyCode.F11);

    assertEquals(MASKED, field(robot), "leaving kiosk mode shows nothing");
    assertFalse(button(robot).isDisabled());
  }

  @Test
  void aFileOfTokensShowsItsPathAndTheirNamesAndNoToken(FxRobot robot) throws Exception {
    Path file = data.resolve("tokens");
    Files.writeString(file, "erp " + ERP + "\nshop " + SHOP + "\n");
    show(new ApiEndpoint(ADDRESS, null, TokenFile.load(file)), robot);

    assertTrue(robot.lookup("#tokenRow").query().isVisible());
    assertFits(robot);
    assertEquals(file.toString(), field(robot));
    assertEquals("API tokens", robot.lookup("#tokenTitle").queryAs(Label.class).getText());
    assertEquals(
        "Order systems: erp, shop",
        robot.lookup("#tokenField").queryAs(TextInputControl.class).getTooltip().getText());
    assertFalse(button(robot).isVisible(), "no one token to show");
    List<String> texts = texts(robot);
    assertTrue(
        texts.stream().noneMatch(text -> text.contains(ERP) || text.contains(SHOP)),
        texts.toString());
  }

  @Test
  void aTokenTheOperatorGaveIsNotShown(FxRobot robot) throws Exception {
    show(new ApiEndpoint(ADDRESS, new ApiToken(TOKEN, false, null), null), robot);

    assertTrue(robot.lookup("#tokenRow").query().isVisible());
    assertEquals("given at start", robot.lookup("#tokenNote").queryAs(Label.class).getText());
    assertFalse(robot.lookup("#tokenField").query().isVisible());
    assertFalse(button(robot).isVisible());
    assertTrue(texts(robot).stream().noneMatch(text -> text.contains(TOKEN.substring(0, 4))));
  }

  @Test
  void withoutAnApiThereIsNoRow(FxRobot robot) throws Exception {
    show(null, robot);

    assertFalse(robot.lookup("#tokenRow").query().isVisible());
    assertFalse(robot.lookup("#tokenRow").query().isManaged(), "nor room kept for it");
  }

  /**
   * The window holds the controls with the row, as it opens on a 1080p screen: a column taller than
   * the window would make the wall taller than it, pushing the status bar off its bottom.
   */
  private void assertFits(FxRobot robot) {
    Node bar = robot.lookup("#statusBar").query();
    robot.interact(
        () ->
            assertEquals(
                stage.getScene().getHeight(),
                bar.localToScene(bar.getLayoutBounds()).getMaxY(),
                0.5,
                "the status bar at the window's bottom"));
  }

  private static String field(FxRobot robot) {
    robot.interact(() -> {});
    return robot.lookup("#tokenField").queryAs(TextInputControl.class).getText();
  }

  private static ToggleButton button(FxRobot robot) {
    return robot.lookup("#revealButton").queryAs(ToggleButton.class);
  }

  private static String status(FxRobot robot) {
    robot.interact(() -> {});
    return robot.lookup("#statusBar").queryAs(StatusBar.class).getText();
  }

  /** Every text in the window, the boxes' contents included. */
  private List<String> texts(FxRobot robot) {
    List<String> texts = new ArrayList<>();
    robot.interact(() -> collect(stage.getScene().getRoot(), texts));
    return texts;
  }

  private static void collect(Node node, List<String> texts) {
    if (node instanceof Labeled labeled && labeled.getText() != null) {
      texts.add(labeled.getText());
    } else if (node instanceof Text text && text.getText() != null) {
      texts.add(text.getText());
    } else if (node instanceof TextInputControl input && input.getText() != null) {
      texts.add(input.getText());
    }
    if (node instanceof Control control && control.getTooltip() != null) {
      texts.add(control.getTooltip().getText());
    }
    if (node instanceof StatusBar bar && bar.getText() != null) {
      texts.add(bar.getText());
    }
    if (node instanceof Parent parent) {
      parent.getChildrenUnmodifiable().forEach(child -> collect(child, texts));
    }
  }
}
