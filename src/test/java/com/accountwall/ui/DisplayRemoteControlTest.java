package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.Wall;
import com.accountwall.WallOptions;
import com.accountwall.api.ApiClient;
import com.accountwall.core.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
 * The real window over a real wall, changed through {@code PATCH /api/display} over loopback: the
 * change arrives on the API's threads, and the window shows it at its next frame. Frames are driven
 * by hand, so the test waits for no timer: the answer to the PATCH says the change is made, and one
 * frame later the window shows it.
 */
@ExtendWith(ApplicationExtension.class)
class DisplayRemoteControlTest {
  private static final int PAGE_SECONDS = 5;

  @TempDir Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private Wall wall;
  private ApiClient api;
  private FrameDriver driver;
  private Parent wallPane;
  private WallModel model;

  @Start
  void start(Stage stage) throws Exception {
    wall =
        Wall.start(
            WallOptions.parse(
                "--headless",
                "--port=0",
                "--data=" + data,
                "--token=t",
                "--page-seconds=" + PAGE_SECONDS),
            clock);
    api = new ApiClient(wall.endpoint().address(), "t");
    model =
        WallModel.builder(wall.supervisor(), wall.clock(), wall.generator())
            .journal(wall.orders())
            .display(wall.display())
            .build();
    driver = new FrameDriver(model);
    Parent root = WallView.load(model);
    wallPane = (Parent) root.lookup(".wall");
    stage.setScene(new Scene(root, 1280, 720));
    stage.show();
  }

  @AfterEach
  void stop() {
    wall.close();
  }

  private void patch(String body) throws Exception {
    ApiClient.Response answer = api.send("PATCH", "/api/display", body, "application/json");
    assertEquals(200, answer.status(), answer.body());
  }

  @Test
  void aPatchedThemeShowsAtTheNextFrame(FxRobot robot) throws Exception {
    assertTrue(usesStylesheet("theme-dark.css"));

    patch("{\"theme\": \"light\"}");
    driver.frame(robot);

    assertTrue(usesStylesheet("theme-light.css"));
    assertFalse(usesStylesheet("theme-dark.css"));
  }

  @Test
  void aPatchMovesTheControlsWithoutClaimingTheirLastAction(FxRobot robot) throws Exception {
    patch("{\"rate\": 77, \"generator\": true}");
    driver.frame(robot);

    assertEquals(77, model.controls().rateProperty().get());
    assertTrue(model.controls().generatorOnProperty().get());
    robot.interact(() -> {});
    assertEquals("Ready.", robot.lookup("#statusBar").queryAs(StatusBar.class).getText());
  }

  @Test
  void aPatchedKioskModeShowsAtTheNextFrameAndEscStillLeavesIt(FxRobot robot) throws Exception {
    Node controls = robot.lookup("#controls").query();
    assertTrue(controls.isVisible());

    patch("{\"kiosk\": true}");
    driver.frame(robot);

    assertFalse(controls.isVisible());
    assertTrue(wallPane.getPseudoClassStates().contains(PseudoClass.getPseudoClass("kiosk")));

    robot.type(javafx.scene.input.KeyCode.ESCAPE);
    assertTrue(controls.isVisible());
    assertEquals(
        "false",
        kioskAsTheApiSaysIt(),
        "leaving kiosk mode in the window is a change of the display too");
  }

  @Test
  void pausedPagingStaysOnItsPageUntilItGoesOn(FxRobot robot) throws Exception {
    for (int id = 1; id <= 100; id++) {
      wall.orders().order(id, id);
    }
    patch("{\"kiosk\": true}");
    driver.frame(robot);
    Label indicator = robot.lookup("#pageIndicator").queryAs(Label.class);
    driver.frames(robot, Duration.ofSeconds(PAGE_SECONDS));
    assertTrue(indicator.getText().startsWith("Page 2 of "), indicator.getText());

    patch("{\"pagingPaused\": true}");
    driver.frames(robot, Duration.ofSeconds(PAGE_SECONDS * 3L));
    assertTrue(indicator.getText().startsWith("Page 2 of "), "paused: " + indicator.getText());

    patch("{\"pagingPaused\": false}");
    driver.frame(robot);
    driver.frames(robot, Duration.ofSeconds(PAGE_SECONDS));
    assertTrue(indicator.getText().startsWith("Page 3 of "), "going on: " + indicator.getText());
  }

  private boolean usesStylesheet(String name) {
    return wallPane.getStylesheets().stream().anyMatch(sheet -> sheet.endsWith(name));
  }

  private String kioskAsTheApiSaysIt() throws Exception {
    String body = api.get("/api/display").body();
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("kiosk").asText();
  }
}
