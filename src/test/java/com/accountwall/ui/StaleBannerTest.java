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
import com.accountwall.ui.stale.StaleModel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The band across the top of the wall that says its data may be stale, on the real window,
 * headless, with a 15-minute {@code --stale-after}: it shows after the clock passes it with no
 * order, and for a problem, in kiosk mode too, and goes by itself. Frames and the clock are driven
 * by hand; nothing waits for a timer.
 */
@ExtendWith(ApplicationExtension.class)
class StaleBannerTest {
  private static final Duration STALE_AFTER = Duration.ofMinutes(15);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final AccountSupervisor supervisor =
      AccountSupervisor.builder().clock(clock).lifetime(Duration.ofHours(2)).build();
  private final OrderGenerator generator =
      OrderGenerator.builder(supervisor).rate(0).seed(1).build();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final WallModel wall =
      WallModel.builder(supervisor, clock, generator)
          .display(
              TestDisplays.of(
                      new WallSettings(Theme.DARK, 0, supervisor.lifetime(), 5, 0),
                      generator,
                      supervisor)
                  .build())
          .problems(() -> List.copyOf(problems))
          .staleAfter(STALE_AFTER)
          .day(WallDay.midnights(ZoneOffset.UTC))
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
  void noBannerWhileOrdersFlow(FxRobot robot) {
    for (int minute = 0; minute < 60; minute += 5) {
      supervisor.order(1 + minute, 1);
      driver.frame(robot);
      clock.advance(Duration.ofMinutes(5));
      driver.frame(robot);
      assertFalse(banner(robot).isVisible(), "at minute " + minute);
    }
    assertFalse(banner(robot).isManaged(), "it takes no room while it does not show");
  }

  @Test
  void saysSinceWhenNoOrderCameOnceTheClockPassesStaleAfterAndGoesWithTheNextOrder(FxRobot robot) {
    clock.advance(Duration.ofMinutes(2));
    supervisor.order(7, 3); // at 09:02
    driver.frame(robot);
    clock.advance(STALE_AFTER.minusSeconds(1));
    driver.frame(robot);
    assertFalse(banner(robot).isVisible(), "a second short of stale-after");

    clock.advance(Duration.ofSeconds(1));
    driver.frame(robot);
    Label banner = banner(robot);
    assertTrue(banner.isVisible());
    assertTrue(banner.isManaged());
    assertEquals("No orders since 09:02", banner.getText());
    assertTrue(banner.getPseudoClassStates().contains(PseudoClass.getPseudoClass("no-orders")));
    assertEquals(StaleModel.Cause.NO_ORDERS, wall.stale().causeProperty().get());

    clock.advance(Duration.ofHours(3));
    driver.frame(robot);
    assertEquals("No orders since 09:02", banner.getText(), "the last order's time, not now");

    supervisor.order(8, 1);
    driver.frame(robot);
    assertFalse(banner.isVisible(), "the next order clears it");
    assertFalse(banner.isManaged());
  }

  @Test
  void countsFromTheStartWhenTheWallHasSeenNoOrder(FxRobot robot) {
    driver.frame(robot);
    clock.advance(STALE_AFTER);
    driver.frame(robot);
    assertEquals("No orders since the wall started at 09:00", banner(robot).getText());
  }

  @Test
  void showsInKioskModeAboveTheTableWhereTheStatusBarDoesNot(FxRobot robot) {
    supervisor.order(1, 1);
    driver.frame(robot);
    robot.type(KeyCode.F11);
    driver.frame(robot);
    robot.interact(() -> root.layout());
    Node table = root.lookup("#accounts");
    double tableTopBefore = table.localToScene(table.getLayoutBounds()).getMinY();

    clock.advance(STALE_AFTER);
    driver.frame(robot);
    robot.interact(() -> root.layout());

    StatusBar statusBar = robot.lookup(".status-bar").queryAs(StatusBar.class);
    assertFalse(statusBar.isVisible(), "kiosk mode hides the status bar");
    Label banner = banner(robot);
    assertTrue(banner.isVisible());
    assertEquals("No orders since 09:00", banner.getText());
    double bannerBottom = banner.localToScene(banner.getLayoutBounds()).getMaxY();
    double tableTop = table.localToScene(table.getLayoutBounds()).getMinY();
    assertTrue(bannerBottom <= tableTop, "it covers no row: " + bannerBottom + " > " + tableTop);
    assertEquals(
        banner.getHeight(),
        tableTop - tableTopBefore,
        1.0,
        "it moves the table down by its own height, no more");
    double title = robot.lookup(".title").queryAs(Label.class).getFont().getSize();
    assertTrue(
        banner.getFont().getSize() > title,
        "larger than the wall's title: " + banner.getFont().getSize() + " <= " + title);
  }

  @Test
  void aProblemShowsItsTextBeforeNoOrdersAndGoesWhenItClears(FxRobot robot) {
    driver.frame(robot);
    clock.advance(STALE_AFTER);
    problems.add(
        "orders cannot be stored: no space left on the data folder's disk, since 09:14:05");
    driver.frames(robot, Duration.ofSeconds(1));
    Label banner = banner(robot);
    assertTrue(banner.isVisible());
    assertEquals(
        "Orders cannot be stored: no space left on the data folder's disk, since 09:14:05",
        banner.getText());
    assertTrue(banner.getPseudoClassStates().contains(PseudoClass.getPseudoClass("problem")));

    problems.clear();
    driver.frames(robot, Duration.ofSeconds(1));
    assertEquals(
        "No orders since the wall started at 09:00",
        banner.getText(),
        "once the problem goes, what still holds");
    supervisor.order(1, 1);
    driver.frame(robot);
    assertFalse(banner.isVisible());
  }

  @Test
  void aProblemSaidWithoutATimeIsShownSinceTheWallFirstSawIt(FxRobot robot) {
    driver.frame(robot);
    supervisor.order(1, 1);
    clock.advance(Duration.ofMinutes(3));
    problems.add("log follower behind by 7 s");
    driver.frames(robot, Duration.ofSeconds(1));
    problems.set(0, "log follower behind by 9 s");
    clock.advance(Duration.ofMinutes(2));
    driver.frames(robot, Duration.ofSeconds(1));

    assertEquals("Log follower behind by 9 s, since 09:03", banner(robot).getText());
    problems.clear();
    driver.frames(robot, Duration.ofSeconds(1));
    assertFalse(banner(robot).isVisible());
  }

  private static Label banner(FxRobot robot) {
    return robot.lookup("#staleBanner").queryAs(Label.class);
  }
}
