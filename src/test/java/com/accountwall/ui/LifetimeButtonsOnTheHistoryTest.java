package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.accountwall.Await;
import com.accountwall.Wall;
import com.accountwall.WallOptions;
import com.accountwall.core.MutableClock;
import com.accountwall.ui.table.AccountRow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window's lifetime buttons on a real wall, its embedded journal on SQLite: a shorter lifetime
 * takes the older accounts off the table, a longer one brings them back with their exact counts,
 * because the journal re-projects its history and destroys nothing. Frames are driven by hand and
 * time by a test clock.
 */
@ExtendWith(ApplicationExtension.class)
class LifetimeButtonsOnTheHistoryTest {
  @TempDir static Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private Wall wall;
  private WallModel model;
  private FrameDriver driver;

  @Start
  void start(Stage stage) throws Exception {
    wall =
        Wall.start(
            WallOptions.parse(
                "--headless",
                "--port=0",
                "--data=" + data,
                "--token=t",
                "--rate=0",
                "--lifetime=1h"),
            clock);
    model =
        WallModel.builder(wall.supervisor(), wall.clock(), wall.generator())
            .journal(wall.orders())
            .display(wall.display())
            .build();
    driver = new FrameDriver(model);
    stage.setScene(new Scene(WallView.load(model), 1400, 800));
    stage.show();
  }

  @AfterEach
  void stop() {
    wall.close();
  }

  @Test
  void aShorterLifetimeTakesAccountsOffAndALongerOneGivesThemBackWithTheirCounts(FxRobot robot)
      throws Exception {
    wall.orders().order(1, 4);
    wall.orders().order(2, 1);
    clock.advance(Duration.ofMinutes(20));
    wall.orders().order(2, 2);
    wall.orders().order(3, 5);
    clock.advance(Duration.ofMinutes(5));
    driver.frames(robot, Duration.ofSeconds(1));
    assertEquals(Map.of(1L, 4L, 2L, 3L, 3L, 5L), shown(robot));

    robot.clickOn("10 min");
    awaitLifetime(robot, Duration.ofMinutes(10));
    assertEquals(
        Map.of(2L, 2L, 3L, 5L),
        shown(robot),
        "account 1 has not ordered in 10 minutes; account 2's first order is 20 minutes before its second");

    robot.clickOn("1 h");
    awaitLifetime(robot, Duration.ofHours(1));
    assertEquals(
        Map.of(1L, 4L, 2L, 3L, 3L, 5L), shown(robot), "every account back, with its count");
  }

  /**
   * Waits until the journal has applied the lifetime, then plays frames until the rows' fades are
   * over.
   */
  private void awaitLifetime(FxRobot robot, Duration lifetime) throws InterruptedException {
    Await.until(
        () ->
            wall.orders().reprojection().isEmpty() && wall.supervisor().lifetime().equals(lifetime),
        Duration.ofSeconds(10),
        () -> "the wall shows its history under " + lifetime);
    driver.frames(robot, Duration.ofSeconds(5));
  }

  /** The table's rows that are not fading out: widgets by account. */
  private Map<Long, Long> shown(FxRobot robot) {
    Map<Long, Long> shown = new TreeMap<>();
    robot.interact(
        () -> {
          for (AccountRow row : model.table().getRows()) {
            if (!row.isEnding()) {
              shown.put(row.getAccountId(), row.getWidgetsSold());
            }
          }
        });
    return shown;
  }
}
