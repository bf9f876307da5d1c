package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.display.DisplayState;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.journal.Reprojection;
import com.accountwall.settings.Schedule;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A lifetime chosen in the window goes to the journal, which projects its history anew in the
 * background and only then applies the lifetime to the accounts; meanwhile the status bar says how
 * far it has come. The journal here is played by hand; frames are driven by hand.
 */
@ExtendWith(ApplicationExtension.class)
class LifetimeChangeTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final AccountSupervisor supervisor =
      AccountSupervisor.builder().clock(clock).lifetime(Duration.ofMinutes(10)).build();
  private final OrderGenerator generator =
      OrderGenerator.builder(supervisor).rate(0).seed(1).build();
  private final List<Duration> changes = new CopyOnWriteArrayList<>();
  private final List<WallSettings> saved = new CopyOnWriteArrayList<>();
  private final AtomicReference<Reprojection> underWay = new AtomicReference<>();
  private final WallModel wall =
      WallModel.builder(supervisor, clock, generator)
          .display(
              DisplayState.builder(
                      new WallSettings(
                          Theme.DARK,
                          0,
                          supervisor.lifetime(),
                          WallSettings.DEFAULT_PAGE_SECONDS,
                          0,
                          WallSettings.NO_GOAL,
                          false,
                          false,
                          false,
                          Schedule.ALWAYS),
                      generator,
                      changes::add)
                  .longestLifetime(Duration.ofHours(1))
                  .memory(saved::add, Runnable::run)
                  .build())
          .reprojection(() -> Optional.ofNullable(underWay.get()))
          .build();
  private final FrameDriver driver = new FrameDriver(wall);

  @Start
  void start(Stage stage) throws Exception {
    stage.setScene(new Scene(WallView.load(wall), 1400, 800));
    stage.show();
  }

  @AfterEach
  void stop() {
    generator.close();
  }

  @Test
  void theChosenLifetimeGoesToTheJournalAndTheStatusBarFollowsItsReprojection(FxRobot robot) {
    supervisor.order(7, 3);
    driver.frame(robot);
    Label progress = robot.lookup("#reprojection").queryAs(Label.class);
    assertFalse(progress.isVisible(), "nothing to say before a change");

    robot.clickOn("2 min");

    assertEquals(List.of(Duration.ofMinutes(2)), changes, "handed to the journal");
    assertEquals(
        Duration.ofMinutes(10),
        supervisor.lifetime(),
        "which applies it to the accounts in its own time");
    assertEquals(
        Duration.ofMinutes(2), saved.get(saved.size() - 1).lifetime(), "the choice is remembered");

    underWay.set(new Reprojection(Duration.ofMinutes(2), 45, 100));
    driver.frames(robot, Duration.ofMillis(250));
    assertTrue(progress.isVisible());
    assertEquals("Re-projecting the history under a 2 min lifetime: 45 %", progress.getText());

    underWay.set(null);
    robot.interact(
        () -> supervisor.setLifetime(Duration.ofMinutes(2))); // done: the journal applies it
    driver.frames(robot, Duration.ofMillis(250));
    assertFalse(progress.isVisible(), "cleared once the re-projection is over");
    assertTrue(
        robot.lookup("#statusBar").queryAs(StatusBar.class).getRightItems().stream()
            .anyMatch(
                item -> item instanceof Label label && label.getText().equals("Lifetime: 2 min")));
    assertEquals(
        Duration.ofMinutes(2),
        wall.table().lifetimeProperty().get(),
        "the rows follow the lifetime in force");
  }

  @Test
  void noLifetimeLongerThanTheHistoryKeptIsOffered(FxRobot robot) {
    assertTrue(lifetimeButton(robot, "24 h").isDisabled(), "the history is kept for an hour");
    assertFalse(lifetimeButton(robot, "1 h").isDisabled());
    robot.interact(() -> wall.controls().chooseLifetime(Duration.ofHours(24)));
    assertEquals(List.of(), changes, "nor taken if asked for all the same");
  }

  private static ToggleButton lifetimeButton(FxRobot robot, String text) {
    return robot.lookup("#lifetimeButtons").queryAs(SegmentedButton.class).getButtons().stream()
        .filter(button -> button.getText().equals(text))
        .findFirst()
        .orElseThrow();
  }
}
