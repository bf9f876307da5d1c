package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.core.Account;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import com.accountwall.ui.figures.FiguresModel;
import com.accountwall.ui.figures.KpiTile;
import com.accountwall.ui.kiosk.KioskMode;
import com.accountwall.ui.leaderboard.Leaderboard;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wall as a wall: kiosk mode, paging, themes, the figures on top and the leaderboard, on the
 * real window, headless. Frames and the clock are driven by hand; nothing waits for a timer.
 */
@ExtendWith(ApplicationExtension.class)
class WallDisplayTest {
  private static final int PAGE_SECONDS = 5;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final AccountSupervisor supervisor =
      AccountSupervisor.builder().clock(clock).lifetime(Duration.ofHours(2)).build();
  private final OrderGenerator generator =
      OrderGenerator.builder(supervisor).rate(0).seed(1).build();
  private final List<WallSettings> saved = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final WallModel wall =
      WallModel.builder(supervisor, clock, generator)
          .display(
              TestDisplays.of(
                      new WallSettings(Theme.DARK, 0, supervisor.lifetime(), PAGE_SECONDS, 0),
                      generator,
                      supervisor)
                  .memory(saved::add, Runnable::run)
                  .build())
          .problems(() -> List.copyOf(problems))
          .staleAfter(Duration.ZERO)
          .build();
  private final FrameDriver driver = new FrameDriver(wall);
  private Parent root;
  private Parent wallPane; // the wall itself, under the scene's root, which also holds the curtain
  private TableView<?> table;

  @Start
  void start(Stage stage) throws Exception {
    root = WallView.load(wall);
    wallPane = (Parent) root.lookup(".wall");
    stage.setScene(new Scene(root, 1280, 720));
    stage.show();
    table = (TableView<?>) root.lookup("#accounts");
  }

  @AfterEach
  void stop() {
    generator.close();
  }

  @Test
  void theKioskToggleHidesTheControlsAndEscOrTheToggleRestoresThem(FxRobot robot) {
    Node controls = robot.lookup("#controls").query();
    assertTrue(controls.isVisible());

    robot.type(KeyCode.F11);
    assertFalse(controls.isVisible());
    assertFalse(controls.isManaged(), "the table takes the space");
    assertTrue(wallPane.getPseudoClassStates().contains(PseudoClass.getPseudoClass("kiosk")));

    robot.type(KeyCode.ESCAPE);
    assertTrue(controls.isVisible());

    robot.clickOn("#kioskButton");
    assertFalse(controls.isVisible());
    robot.type(KeyCode.F11);
    assertTrue(controls.isVisible());
    assertTrue(controls.isManaged());
  }

  @Test
  void theStatusBarSaysWhatKeepsOrdersFromBeingStoredUntilItClears(FxRobot robot) {
    problems.add(
        "orders cannot be stored: no space left on the data folder's disk, since 14:05:12");
    driver.frame(robot);
    Label problem = robot.lookup(".status-problem").queryAs(Label.class);
    assertTrue(problem.isVisible());
    assertTrue(
        problem.getText().contains("no space left on the data folder's disk"), problem.getText());
    Label banner = robot.lookup("#staleBanner").queryAs(Label.class);
    assertTrue(banner.isVisible(), "the banner says it too, even with --stale-after=0");
    assertEquals(
        "Orders cannot be stored: no space left on the data folder's disk, since 14:05:12",
        banner.getText());

    problems.clear();
    driver.frames(robot, Duration.ofSeconds(1));
    assertFalse(problem.isVisible());
    assertFalse(banner.isVisible());
  }

  @Test
  void withStaleAfterZeroNoBannerSaysNoOrdersHoweverLongTheWallWaits(FxRobot robot) {
    supervisor.order(1, 1);
    driver.frame(robot);
    Label banner = robot.lookup("#staleBanner").queryAs(Label.class);
    for (int hour = 0; hour < 30; hour++) {
      clock.advance(Duration.ofHours(1));
      driver.frame(robot);
      assertFalse(banner.isVisible(), "after " + (hour + 1) + " h: " + banner.getText());
    }
    robot.type(KeyCode.F11);
    driver.frame(robot);
    assertFalse(banner.isVisible(), "nor in kiosk mode");
  }

  @Test
  void theCursorHidesOnceTheMouseRestsInKioskModeAndComesBackWhenItMoves(FxRobot robot) {
    robot.type(KeyCode.F11);
    driver.frame(robot);
    assertNull(root.getScene().getCursor());

    driver.frames(robot, Duration.ofNanos(KioskMode.CURSOR_IDLE_NANOS));
    assertEquals(Cursor.NONE, root.getScene().getCursor());

    robot.moveBy(5, 5);
    assertNull(root.getScene().getCursor());
  }

  @Test
  void kioskModePagesThroughAccountsThatDoNotFitAndShowsWhichPage(FxRobot robot) {
    for (int id = 1; id <= 100; id++) {
      supervisor.order(id, id);
    }
    driver.frame(robot);
    Label indicator = robot.lookup("#pageIndicator").queryAs(Label.class);
    assertFalse(indicator.isVisible(), "no paging outside kiosk mode");

    robot.type(KeyCode.F11);
    driver.frame(robot);
    int pages = pageCount(indicator);
    assertTrue(pages > 1, indicator.getText());
    assertEquals("Page 1 of " + pages, indicator.getText());
    assertTrue(indicator.isVisible());
    assertEquals(0, firstVisibleRow(robot));

    driver.frames(robot, Duration.ofSeconds(PAGE_SECONDS));
    assertEquals("Page 2 of " + pages, indicator.getText());
    int secondPage = firstVisibleRow(robot);
    assertTrue(
        secondPage > 0 && secondPage * (pages - 1) < 100,
        "the second page starts after the first: " + secondPage);

    driver.frames(robot, Duration.ofSeconds((long) PAGE_SECONDS * (pages - 1)));
    assertEquals("Page 1 of " + pages, indicator.getText(), "after the last page comes the first");
    assertEquals(0, firstVisibleRow(robot));
  }

  @Test
  void leavingKioskModeReturnsTheTableToItsTop(FxRobot robot) {
    for (int id = 1; id <= 100; id++) {
      supervisor.order(id, id);
    }
    robot.type(KeyCode.F11);
    driver.frame(robot);
    driver.frames(robot, Duration.ofSeconds(PAGE_SECONDS));
    assertTrue(firstVisibleRow(robot) > 0, "on the second page");

    robot.type(KeyCode.ESCAPE);

    assertEquals(0, firstVisibleRow(robot), "the first rows of the sort, as before kiosk mode");
  }

  @Test
  void theThemeSwitchChangesTheStylesheetAndIsRemembered(FxRobot robot) {
    assertTrue(
        wallPane.getStylesheets().stream().anyMatch(sheet -> sheet.endsWith("theme-dark.css")));

    robot.clickOn("#lightTheme");

    assertTrue(
        wallPane.getStylesheets().stream().anyMatch(sheet -> sheet.endsWith("theme-light.css")));
    assertFalse(
        wallPane.getStylesheets().stream().anyMatch(sheet -> sheet.endsWith("theme-dark.css")));
    assertTrue(wallPane.getStylesheets().stream().anyMatch(sheet -> sheet.endsWith("wall.css")));
    assertEquals(Theme.LIGHT, saved.get(saved.size() - 1).theme());
  }

  @Test
  void theFiguresEqualTheCoresAfterAKnownSequenceOfOrders(FxRobot robot) {
    FiguresModel kpis = wall.figures();
    driver.frame(robot);
    supervisor.order(1, 3);
    supervisor.order(2, 2);
    driver.frame(robot);
    assertFigures(2, 5, 2, 5, false);

    clock.advance(Duration.ofSeconds(30));
    supervisor.order(1, 1);
    driver.frame(robot);
    assertFigures(2, 6, 3, 6, false);

    clock.advance(Duration.ofMinutes(61));
    supervisor.order(3, 4);
    driver.frame(robot);
    assertFigures(3, 10, 1, 4, true);
    assertEquals(3, kpis.newestProperty().get().getAccountId());
    assertEquals(
        0,
        Arrays.stream(kpis.minuteHistoryProperty().get()).sum(),
        "the current minute is not whole yet");

    clock.advance(Duration.ofMinutes(1));
    driver.frame(robot);
    long[] history = kpis.minuteHistoryProperty().get();
    assertEquals(60, history.length);
    assertEquals(1, history[history.length - 1], "the last whole minute");
    assertEquals(
        1, Arrays.stream(history).sum(), "the orders of an hour ago have left the history");

    driver.frames(robot, Duration.ofSeconds(1));
    assertEquals(
        "3", robot.lookup("#liveAccountsTile").queryAs(KpiTile.class).valueProperty().get());
    assertEquals(
        "10", robot.lookup("#widgetsSoldTile").queryAs(KpiTile.class).valueProperty().get());
    assertEquals(
        "0",
        robot.lookup("#ordersPerMinuteTile").queryAs(KpiTile.class).valueProperty().get(),
        "a minute later, none in the last 60 seconds");
    assertEquals(
        Account.defaultName(3),
        robot.lookup("#newestTile").queryAs(KpiTile.class).valueProperty().get());
  }

  @Test
  void sinceStartCountsFromTheWallsStartNotFromItsFirstFrame(FxRobot robot) {
    supervisor.setLifetime(Duration.ofSeconds(30)); // so the accounts end within the first hour
    // The wall started empty; these come while its window opens, before the first frame.
    supervisor.order(1, 10);
    supervisor.order(2, 5);
    driver.frame(robot);
    Label change = robot.lookup("#widgetsSoldTile .kpi-detail").queryAs(Label.class);
    assertEquals("\u25b2 15 since start", change.getText());

    clock.advance(supervisor.lifetime());
    supervisor.expireDue();
    driver.frames(robot, Duration.ofSeconds(2));

    assertEquals(0, wall.figures().widgetsSoldProperty().get());
    assertEquals("\u25b6 0 since start", change.getText(), "as empty as it started");
  }

  @Test
  void aDetailLongerThanItsTileTakesASecondLineRatherThanAnEllipsis(FxRobot robot) {
    KpiTile tile = robot.lookup("#ordersPerMinuteTile").queryAs(KpiTile.class); // a fixed text
    String text = "1,355 orders \u00b7 yesterday by now 1,100 \u25b2 23 % and a few more words";
    robot.interact(
        () -> {
          tile.detailProperty().set(text);
          root.applyCss();
          root.layout();
        });

    Label detail = robot.from(tile).lookup(".kpi-detail").queryAs(Label.class);
    String drawn =
        robot.from(detail).lookup(".text").queryAllAs(Text.class).stream()
            .map(Text::getText)
            .collect(java.util.stream.Collectors.joining());
    assertFalse(drawn.contains("..."), drawn);
    assertEquals(text.replace(" ", ""), drawn.replace(" ", "").replace("\n", ""), drawn);
  }

  @Test
  void aTwelveDigitFigureShowsWholeInsideItsTile(FxRobot robot) {
    supervisor.order(1, 123_456_789_012L);
    driver.frames(robot, Duration.ofSeconds(1));
    robot.interact(
        () -> {
          root.applyCss();
          root.layout();
        });

    KpiTile tile = robot.lookup("#widgetsSoldTile").queryAs(KpiTile.class);
    Label value = robot.from(tile).lookup(".kpi-value").queryAs(Label.class);
    Text drawn = robot.from(value).lookup(".text").queryAs(Text.class);
    assertEquals("123,456,789,012", drawn.getText(), "drawn whole, without an ellipsis");
    Bounds valueOnScreen = value.localToScene(value.getLayoutBounds());
    Bounds tileOnScreen = tile.localToScene(tile.getLayoutBounds());
    assertTrue(
        valueOnScreen.getMaxX() <= tileOnScreen.getMaxX()
            && valueOnScreen.getMinX() >= tileOnScreen.getMinX(),
        "inside its tile: " + valueOnScreen + " in " + tileOnScreen);
  }

  @Test
  void theTopTenSaysNoLiveAccountsOnceEveryAccountHasEnded(FxRobot robot) {
    supervisor.order(1, 3);
    driver.frames(robot, Duration.ofSeconds(1));
    Label empty = robot.lookup("#leaderboard .leaderboard-empty").queryAs(Label.class);
    assertFalse(empty.isVisible());

    clock.advance(supervisor.lifetime());
    supervisor.expireDue();
    driver.frames(robot, Duration.ofSeconds(2));

    assertTrue(empty.isVisible());
    assertEquals("No live accounts", empty.getText());
  }

  @Test
  void theLeaderboardShowsTheTopTenAndWhoMoved(FxRobot robot) {
    for (int id = 1; id <= 12; id++) {
      supervisor.order(id, 100 - id);
    }
    driver.frame(robot);
    List<Leaderboard.Standing> board = wall.leaderboard().getStandings();
    assertEquals(10, board.size());
    assertEquals(1, board.get(0).accountId());
    assertEquals(10, board.get(9).accountId());

    supervisor.order(5, 10); // 105: first
    supervisor.order(12, 6); // 94: seventh, after account 6's 94 by id
    driver.frames(robot, Duration.ofSeconds(1));

    Leaderboard.Standing first = board.get(0);
    assertEquals(5, first.accountId());
    assertEquals(Leaderboard.Trend.UP, first.trend());
    assertEquals(4, first.places());
    assertEquals(1, board.get(1).accountId());
    assertEquals(Leaderboard.Trend.DOWN, board.get(1).trend());
    assertEquals(Leaderboard.Trend.SAME, board.get(5).trend(), "account 6 is sixth as before");
    assertEquals(12, board.get(6).accountId());
    assertEquals(Leaderboard.Trend.NEW, board.get(6).trend());
    assertTrue(
        board.stream().noneMatch(standing -> standing.accountId() == 10), "pushed off the board");
    assertTrue(
        robot.lookup("#leaderboard .leaderboard-move").queryAllAs(Label.class).stream()
            .anyMatch(label -> label.getText().equals("\u25b24")));
  }

  @Test
  void theTypeFollowsTheWindowSoA4kWallReadsLikeA1080pOne(FxRobot robot) {
    robot.interact(
        () -> {
          for (int[] size :
              new int[][] {{1280, 720, 13}, {1920, 1080, 20}, {3840, 2160, 40}, {1920, 600, 11}}) {
            Pane pane = new Pane();
            FontScale.follow(pane);
            new Scene(pane, size[0], size[1]);
            assertEquals(
                "-fx-font-size: " + size[2] + "px;", pane.getStyle(), size[0] + "x" + size[1]);
          }
        });
  }

  private void assertFigures(int live, long sold, long perMinute, long change, boolean fullHour) {
    FiguresModel kpis = wall.figures();
    assertEquals(supervisor.count(), kpis.liveAccountsProperty().get());
    assertEquals(live, kpis.liveAccountsProperty().get());
    assertEquals(supervisor.totalWidgetsOrdered(), kpis.widgetsSoldProperty().get());
    assertEquals(sold, kpis.widgetsSoldProperty().get());
    assertEquals(perMinute, kpis.ordersPerMinuteProperty().get());
    assertEquals(change, kpis.widgetsSoldChangeProperty().get());
    assertEquals(fullHour, kpis.fullHourProperty().get());
  }

  private static int pageCount(Label indicator) {
    return Integer.parseInt(
        indicator.getText().substring(indicator.getText().lastIndexOf(' ') + 1));
  }

  private int firstVisibleRow(FxRobot robot) {
    robot.interact(() -> {});
    return WaitForAsyncUtils.waitForAsyncFx(
        5_000,
        () -> {
          table.layout();
          VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
          return flow.getFirstVisibleCell().getIndex();
        });
  }
}
