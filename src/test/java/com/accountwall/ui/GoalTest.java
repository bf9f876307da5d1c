package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.day.WallDay;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import com.accountwall.ui.figures.KpiTile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The daily goal's tile (progress, pace, reached) and its box in the controls, on the real window,
 * headless: a shift from 06:00 to 18:00 UTC, a goal of 12,000 from the saved settings, frames and
 * the clock driven by hand.
 */
@ExtendWith(ApplicationExtension.class)
class GoalTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final AccountSupervisor supervisor =
      AccountSupervisor.builder().clock(clock).lifetime(Duration.ofHours(24)).build();
  private final OrderGenerator generator =
      OrderGenerator.builder(supervisor).rate(0).seed(1).build();
  private final List<WallSettings> saved = new CopyOnWriteArrayList<>();
  private final WallModel wall =
      WallModel.builder(supervisor, clock, generator)
          .day(new WallDay(ZoneOffset.UTC, LocalTime.of(6, 0), LocalTime.of(18, 0)))
          .display(
              TestDisplays.of(
                      new WallSettings(Theme.DARK, 0, Duration.ofHours(24), 10, 0, 12_000),
                      generator,
                      supervisor)
                  .memory(saved::add, Runnable::run)
                  .build())
          .build();
  private final FrameDriver driver = new FrameDriver(wall);

  @Start
  void start(Stage stage) throws Exception {
    stage.setScene(new Scene(WallView.load(wall), 1280, 720));
    stage.show();
  }

  @AfterEach
  void stop() {
    generator.close();
  }

  @Test
  void theTileShowsProgressAndPaceAndTurnsReachedAtTheGoal(FxRobot robot) {
    supervisor.order(1, 3_000); // 3,000 in the shift's first 3 of 12 hours
    driver.frame(robot);
    KpiTile tile = robot.lookup("#goalTile").queryAs(KpiTile.class);
    assertTrue(tile.isVisible());
    assertEquals("25 %", tile.valueProperty().get());
    assertEquals("3,000 of 12,000 \u00b7 on pace for 12,000 by 18:00", tile.detailProperty().get());
    assertEquals(0.25, wall.goal().progressProperty().get(), 1e-9);
    assertFalse(tile.getPseudoClassStates().contains(PseudoClass.getPseudoClass("reached")));

    clock.advance(Duration.ofHours(1)); // 10:00: 7,300 in 4 hours is on pace for 21,900
    supervisor.order(2, 4_300);
    driver.frame(robot);
    assertEquals("60 %", tile.valueProperty().get(), "what is reached, not rounded up");
    assertEquals("7,300 of 12,000 \u00b7 on pace for 21,900 by 18:00", tile.detailProperty().get());

    supervisor.order(3, 4_700);
    driver.frame(robot);
    assertEquals("100 %", tile.valueProperty().get());
    assertEquals("12,000 of 12,000 \u00b7 \u2713 goal reached", tile.detailProperty().get());
    assertTrue(tile.getPseudoClassStates().contains(PseudoClass.getPseudoClass("reached")));
    assertEquals(1.0, wall.goal().progressProperty().get(), 1e-9);

    clock.advance(Duration.ofDays(1)); // the next day starts at 0 again
    driver.frame(robot);
    assertFalse(tile.getPseudoClassStates().contains(PseudoClass.getPseudoClass("reached")));
    assertEquals("0 %", tile.valueProperty().get());
  }

  @Test
  void theGoalBoxRefusesWhatIsNotAGoalAndRemembersOne(FxRobot robot) {
    robot.clickOn("#goalField").eraseText(6).write("abc").type(KeyCode.ENTER);
    Label error = robot.lookup("#goalError").queryAs(Label.class);
    assertTrue(error.isVisible());
    assertEquals(
        "\u201cabc\u201d is not a goal: a whole number from 1, or empty for none.",
        error.getText());
    assertEquals(12_000, wall.goal().goalProperty().get(), "nothing changed");
    assertTrue(saved.isEmpty());

    robot.clickOn("#goalField").eraseText(3).write("-5").type(KeyCode.ENTER);
    assertEquals(12_000, wall.goal().goalProperty().get());

    robot.clickOn("#goalField").eraseText(2).write("15,000");
    assertFalse(error.isVisible(), "typing again clears the message");
    robot.clickOn("#goalButton");
    assertEquals(15_000, wall.goal().goalProperty().get());
    assertEquals(15_000, saved.get(saved.size() - 1).goal(), "remembered in the settings");
    assertEquals("Daily goal set to 15,000 widgets.", wall.controls().statusProperty().get());

    robot.clickOn("#goalField").eraseText(5).type(KeyCode.ENTER);
    assertEquals(0, wall.goal().goalProperty().get(), "an empty box is no goal");
    driver.frame(robot);
    assertFalse(robot.lookup("#goalTile").query().isVisible(), "no goal, no tile");
    assertEquals(0, saved.get(saved.size() - 1).goal());
  }
}
