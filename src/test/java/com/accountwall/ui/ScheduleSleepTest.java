package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.day.WallDay;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.settings.Schedule;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import com.accountwall.ui.table.AccountRow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window outside its schedule ({@code Mon-Fri 07:00-19:00} in Berlin), on the real window,
 * headless: it starts asleep on a Monday evening, a dim clock on black over everything (kiosk mode
 * and the stale banner included), keeps taking orders, and wakes by itself when the clock is moved
 * to Tuesday 07:00. Frames and the clock are driven by hand; nothing waits for a timer.
 */
@ExtendWith(ApplicationExtension.class)
class ScheduleSleepTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  // Monday 23 November 2026, 20:00 in Berlin (CET).
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T19:00:00Z"));
  private final AccountSupervisor supervisor =
      AccountSupervisor.builder().clock(clock).lifetime(Duration.ofHours(24)).build();
  private final OrderGenerator generator =
      OrderGenerator.builder(supervisor).rate(0).seed(1).build();
  private final WallModel wall =
      WallModel.builder(supervisor, clock, generator)
          .display(
              TestDisplays.of(
                      new WallSettings(
                          Theme.LIGHT,
                          0,
                          supervisor.lifetime(),
                          5,
                          0,
                          WallSettings.NO_GOAL,
                          false,
                          false,
                          false,
                          Schedule.parse("Mon-Fri 07:00-19:00")),
                      generator,
                      supervisor)
                  .build())
          .staleAfter(Duration.ofMinutes(15))
          .day(WallDay.midnights(BERLIN))
          .build();
  private final FrameDriver driver = new FrameDriver(wall);
  private Parent root;

  @Start
  void start(Stage stage) throws Exception {
    root = WallView.load(wall);
    stage.setScene(new Scene(root, 1280, 720));
    stage.show();
  }

  @AfterEach
  void stop() {
    generator.close();
  }

  @Test
  void asleepOutsideTheScheduleADimClockOnBlackCoversEverythingKioskAndBannerIncluded(
      FxRobot robot) {
    robot.type(KeyCode.F11);
    clock.advance(Duration.ofMinutes(20)); // 20:20: no order for long enough for the banner
    driver.frame(robot);
    robot.interact(() -> root.layout());

    assertTrue(wall.kioskProperty().get(), "kiosk mode is on under the curtain");
    assertTrue(wall.stale().shownProperty().get(), "the banner would show under the curtain");
    Node curtain = root.lookup("#sleepCurtain");
    assertTrue(curtain.isVisible());
    Bounds covered = curtain.localToScene(curtain.getLayoutBounds());
    assertEquals(0, covered.getMinX(), 0.5);
    assertEquals(0, covered.getMinY(), 0.5);
    assertEquals(root.getScene().getWidth(), covered.getWidth(), 0.5);
    assertEquals(root.getScene().getHeight(), covered.getHeight(), 0.5);
    assertFalse(root.lookup(".wall").isVisible(), "the wall under it is not drawn");
    Label clockFace = (Label) root.lookup("#sleepClock");
    assertEquals("20:20", clockFace.getText());
    assertEquals(Color.web("#333333"), clockFace.getTextFill(), "a fifth of white, in any theme");
    assertTrue(
        clockFace.getFont().getSize()
            < robot.lookup(".title").queryAs(Label.class).getFont().getSize() * 1.5,
        "small: " + clockFace.getFont().getSize());

    clock.advance(Duration.ofMinutes(41));
    driver.frame(robot);
    assertEquals("21:01", clockFace.getText(), "the clock keeps time while the wall sleeps");
  }

  @Test
  void wakesByItselfWhenTheClockReachesTheScheduleAndSleepsAgainAtItsEnd(FxRobot robot) {
    driver.frame(robot);
    assertTrue(wall.sleep().asleepProperty().get(), "started asleep, without a frame awake first");

    clock.advance(Duration.ofHours(11).minusSeconds(1)); // Tuesday 06:59:59
    driver.frame(robot);
    Node curtain = root.lookup("#sleepCurtain");
    assertTrue(curtain.isVisible(), "a second before the schedule");
    assertEquals("06:59", ((Label) root.lookup("#sleepClock")).getText());

    clock.advance(Duration.ofSeconds(1)); // Tuesday 07:00
    driver.frame(robot);
    assertFalse(curtain.isVisible(), "awake at 07:00 with no one touching it");
    assertTrue(root.lookup(".wall").isVisible());

    clock.advance(Duration.ofHours(12)); // Tuesday 19:00
    driver.frame(robot);
    assertTrue(curtain.isVisible(), "asleep again at 19:00");
  }

  @Test
  void ordersStillLandWhileAsleepAndShowOnWaking(FxRobot robot) {
    driver.frame(robot);
    supervisor.order(42, 3);
    clock.advance(Duration.ofHours(1));
    supervisor.order(42, 2);
    driver.frames(robot, Duration.ofSeconds(1));

    assertTrue(wall.sleep().asleepProperty().get());
    assertEquals(5, supervisor.details(42).orElseThrow().widgetsOrdered(), "the core has them");
    assertEquals(5, row(42).getWidgetsSold(), "the model follows them while the window sleeps");
    assertFalse(wall.stale().shownProperty().get(), "they count as orders for the banner too");

    clock.advance(Duration.ofHours(10)); // Tuesday 07:00
    driver.frames(robot, Duration.ofSeconds(1));
    assertFalse(root.lookup("#sleepCurtain").isVisible());
    assertEquals(5, row(42).getWidgetsSold(), "current the moment it wakes");
  }

  private AccountRow row(long accountId) {
    return wall.table().getRows().stream()
        .filter(row -> row.getAccountId() == accountId)
        .findFirst()
        .orElseThrow();
  }
}
