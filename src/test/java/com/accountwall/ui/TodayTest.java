package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.accountwall.core.Account;
import com.accountwall.core.AccountListener;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.day.WallDay;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.journal.HistorySteps;
import com.accountwall.journal.MinuteTotals;
import com.accountwall.ui.figures.KpiTile;
import com.accountwall.ui.figures.TodayModel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Widgets today" beside "yesterday by this time", on the real window, headless: a day that starts
 * at 06:00 UTC, orders made through the core with a test clock, and a stand-in order history that
 * keeps per-minute totals as cluster mode's journal does ({@link MinuteTotals}). Frames and the
 * clock are driven by hand; nothing waits for a timer.
 */
@ExtendWith(ApplicationExtension.class)
class TodayTest {
  private static final WallDay SIX_UTC =
      new WallDay(ZoneOffset.UTC, LocalTime.of(6, 0), LocalTime.of(6, 0));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T05:58:30Z"));
  private final AccountSupervisor supervisor =
      AccountSupervisor.builder().clock(clock).lifetime(Duration.ofHours(2)).build();
  private final OrderGenerator generator =
      OrderGenerator.builder(supervisor).rate(0).seed(1).build();

  /** The order history: every order the core takes, per minute. */
  private final MinuteTotals history = new MinuteTotals();

  private final List<String> asked = new ArrayList<>();
  private final WallModel wall;
  private final FrameDriver driver;

  TodayTest() {
    supervisor.addListener(
        new AccountListener() {
          @Override
          public void accountOrdered(Account account, long quantity, long atMillis) {
            history.add(atMillis, quantity);
          }
        });
    wall = wall();
    driver = new FrameDriver(wall);
  }

  private WallModel wall() {
    return WallModel.builder(supervisor, clock, generator)
        .day(SIX_UTC)
        .history(
            (from, to, step) -> {
              asked.add(from + " " + to);
              return HistorySteps.sum(from, to, step, history.between(from, to));
            })
        .build();
  }

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
  void anOrderBeforeTheDayStartCountsForTheDayBeforeAndTodayStartsAgainAtZero(FxRobot robot) {
    TodayModel today = wall.today();
    robot.interact(wall::seedToday);
    clock.advance(Duration.ofSeconds(60)); // 05:59:30
    supervisor.order(1, 3);
    driver.frame(robot);
    assertEquals(3, today.widgetsTodayProperty().get(), "05:59 is the day that began yesterday");
    assertEquals(Instant.parse("2026-11-22T06:00:00Z"), today.dayStartProperty().get());

    clock.advance(Duration.ofSeconds(30)); // 06:00:00
    driver.frame(robot);
    assertEquals(0, today.widgetsTodayProperty().get(), "a new day starts at 06:00");
    assertEquals(0, today.ordersTodayProperty().get());
    assertEquals(Instant.parse("2026-11-23T06:00:00Z"), today.dayStartProperty().get());
    assertEquals(
        "2026-11-22T06:00:00Z 2026-11-23T06:00:00Z",
        asked.get(asked.size() - 1),
        "the history is asked again at the day start, from yesterday's start");

    clock.advance(Duration.ofSeconds(20));
    supervisor.order(2, 4);
    supervisor.order(2, 1);
    driver.frame(robot);
    assertEquals(5, today.widgetsTodayProperty().get());
    assertEquals(2, today.ordersTodayProperty().get());

    clock.advance(Duration.ofDays(1).minusSeconds(25)); // 05:59:55 the next day
    driver.frame(robot);
    assertEquals(5, today.widgetsTodayProperty().get(), "still the day that began at 06:00");
    assertEquals(3, today.widgetsYesterdayProperty().get(), "by 05:59:55 the day before: 05:59");
    clock.advance(Duration.ofSeconds(25)); // 06:00:20
    driver.frame(robot);
    assertEquals(0, today.widgetsTodayProperty().get());
    assertEquals(5, today.widgetsYesterdayProperty().get(), "yesterday's 06:00 minute has begun");
    assertEquals(2, today.ordersYesterdayProperty().get());
  }

  @Test
  void yesterdayByThisTimeComesFromTheHistoryAndMovesOnWithTheClock(FxRobot robot) {
    history.add(Instant.parse("2026-11-22T05:00:00Z").toEpochMilli(), 1_000); // the day before
    history.add(Instant.parse("2026-11-22T07:00:00Z").toEpochMilli(), 5);
    history.add(Instant.parse("2026-11-22T09:00:10Z").toEpochMilli(), 7);
    history.add(Instant.parse("2026-11-22T12:00:00Z").toEpochMilli(), 100);
    history.add(Instant.parse("2026-11-23T07:30:00Z").toEpochMilli(), 4);
    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-23T10:00:00Z")));
    WallModel later = wall();

    robot.interact(later::seedToday);
    FrameDriver frames = new FrameDriver(later);
    frames.frame(robot);

    TodayModel today = later.today();
    assertEquals(
        List.of("2026-11-22T06:00:00Z 2026-11-23T10:00:00Z"),
        asked,
        "one question, from yesterday's start to now's minute");
    assertEquals(4, today.widgetsTodayProperty().get());
    assertEquals(1, today.ordersTodayProperty().get());
    assertEquals(12, today.widgetsYesterdayProperty().get(), "07:00 and 09:00 yesterday");
    assertEquals(2, today.ordersYesterdayProperty().get());

    clock.advance(Duration.ofHours(2).plusSeconds(30)); // 12:00:30: the 12:00 minute has begun
    frames.frame(robot);
    assertEquals(112, today.widgetsYesterdayProperty().get());
  }

  @Test
  void theTileSaysTodayBesideYesterdayByThisTime(FxRobot robot) {
    history.add(Instant.parse("2026-11-22T07:00:00Z").toEpochMilli(), 50);
    history.add(Instant.parse("2026-11-22T07:00:30Z").toEpochMilli(), 30);
    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-23T08:00:00Z")));
    robot.interact(wall::seedToday);
    supervisor.order(1, 60);
    supervisor.order(2, 40);
    driver.frame(robot);

    KpiTile tile = robot.lookup("#todayTile").queryAs(KpiTile.class);
    assertEquals("Widgets today", tile.getCaption());
    assertEquals("100", tile.valueProperty().get());
    assertEquals("2 orders \u00b7 yesterday by now 80 \u25b2 25 %", tile.detailProperty().get());
    Label detail = (Label) tile.lookup(".kpi-detail");
    assertEquals(
        true, detail.getPseudoClassStates().toString().contains("up"), "coloured as a rise");
  }

  @Test
  void todaySurvivesARestartFromTheHistory(FxRobot robot) {
    clock.advance(Duration.ofMinutes(90)); // 07:28:30
    robot.interact(wall::seedToday);
    supervisor.order(1, 3);
    clock.advance(Duration.ofMinutes(5));
    supervisor.order(2, 9);
    driver.frame(robot);
    assertEquals(12, wall.today().widgetsTodayProperty().get());
    robot.interact(wall::stop);

    clock.advance(Duration.ofMinutes(2)); // the wall comes back two minutes later
    WallModel restarted = wall();
    robot.interact(restarted::seedToday);
    new FrameDriver(restarted).frame(robot);

    assertEquals(12, restarted.today().widgetsTodayProperty().get());
    assertEquals(2, restarted.today().ordersTodayProperty().get());
  }

  @Test
  void ordersOfTheMinuteTheWallOpenedInAreCountedOnceItIsWhole(FxRobot robot) {
    clock.advance(Duration.ofMinutes(90)); // 07:28:30
    // Before the window listened, in the same minute: only the history has this order.
    history.add(Instant.parse("2026-11-23T07:28:10Z").toEpochMilli(), 7);
    robot.interact(wall::seedToday);
    supervisor.order(1, 2);
    driver.frame(robot);
    assertEquals(2, wall.today().widgetsTodayProperty().get(), "07:28 is not whole yet");

    clock.advance(Duration.ofSeconds(35)); // 07:29:05
    driver.frame(robot);
    assertEquals(9, wall.today().widgetsTodayProperty().get(), "asked again: counted once each");
    supervisor.order(1, 1);
    driver.frame(robot);
    assertEquals(10, wall.today().widgetsTodayProperty().get());
  }
}
