package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.core.Account;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.day.WallDay;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.journal.HistoryStep;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import com.accountwall.ui.celebrate.Celebration;
import com.accountwall.ui.celebrate.Celebration.Kind;
import com.accountwall.ui.celebrate.CelebrationModel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Celebrations on the real window, headless, with {@code --big-order 5000}: the goal reached once a
 * day, a big order, several at once queued one after another for {@link CelebrationModel#SHOWN}
 * each, a flood of new accounts summarised, and the last ones under the Top 10. Frames and the
 * clock are driven by hand; nothing waits for a timer.
 */
@ExtendWith(ApplicationExtension.class)
class CelebrationTest {
  private static final long BIG_ORDER = 5_000;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final AccountSupervisor supervisor =
      AccountSupervisor.builder().clock(clock).lifetime(Duration.ofDays(2)).build();
  private final OrderGenerator generator =
      OrderGenerator.builder(supervisor).rate(0).seed(1).build();
  private final WallModel wall =
      WallModel.builder(supervisor, clock, generator)
          .display(
              TestDisplays.of(
                      new WallSettings(Theme.DARK, 0, supervisor.lifetime(), 10, 0),
                      generator,
                      supervisor)
                  .build())
          .day(WallDay.midnights(ZoneOffset.UTC))
          .bigOrder(BIG_ORDER)
          .build();
  private final FrameDriver driver = new FrameDriver(wall);
  private final List<Celebration> shown = new ArrayList<>();

  @Start
  void start(Stage stage) throws Exception {
    stage.setScene(new Scene(WallView.load(wall), 1280, 720));
    stage.show();
    wall.celebrations()
        .currentProperty()
        .addListener(
            (observable, before, now) -> {
              if (now != null) {
                shown.add(now);
              }
            });
  }

  @AfterEach
  void stop() {
    generator.close();
  }

  @Test
  void aGoalReachedFiresOneCelebrationAndNotAgainThatDay(FxRobot robot) {
    robot.interact(() -> wall.goal().goalProperty().set(12_000));
    supervisor.order(1, 3_000);
    supervisor.order(1, 4_000);
    driver.frame(robot);
    supervisor.order(1, 4_999);
    driver.frame(robot);
    assertEquals(0, goals(), "short of the goal");

    supervisor.order(1, 1);
    driver.frame(robot);
    showAllQueued(robot);
    supervisor.order(2, 100);
    supervisor.order(1, 20_000);
    driver.frame(robot);
    showAllQueued(robot);
    assertEquals(1, goals(), "once, though the widgets went on past it: " + shown);
    Celebration goal = shown.stream().filter(c -> c.kind() == Kind.GOAL_REACHED).findFirst().get();
    assertEquals("Daily goal reached: 12,000 widgets", goal.name() + " " + goal.figure());

    clock.advance(Duration.ofDays(1)); // the next day counts from 0 and has its own goal
    driver.frame(robot);
    supervisor.order(1, 12_000);
    driver.frame(robot);
    showAllQueued(robot);
    assertEquals(2, goals());
  }

  @Test
  void aGoalTheHistoryShowsReachedBeforeTheWallStartedIsNoCelebration(FxRobot robot) {
    WallModel restarted =
        WallModel.builder(supervisor, clock, generator)
            .display(
                TestDisplays.of(
                        new WallSettings(Theme.DARK, 0, supervisor.lifetime(), 10, 0, 12_000),
                        generator,
                        supervisor)
                    .build())
            .day(WallDay.midnights(ZoneOffset.UTC))
            .history(
                (from, to, step) ->
                    List.of(new HistoryStep(Instant.parse("2026-11-23T08:00:00Z"), 3, 12_500)))
            .build();
    FrameDriver frames = new FrameDriver(restarted);
    robot.interact(restarted::seedToday);
    frames.frame(robot);
    assertTrue(restarted.goal().reachedProperty().get());
    supervisor.order(1, 10);
    frames.frame(robot);
    clock.advance(CelebrationModel.SHOWN);
    frames.frame(robot);
    assertEquals(
        List.of(Kind.NEW_ACCOUNT),
        restarted.celebrations().getRecent().stream().map(Celebration::kind).toList(),
        "the goal was reached at 08:00, before this wall counted");
  }

  @Test
  void aBigOrderFiresOneWithTheAccountsNameAndFigureOnTheBanner(FxRobot robot) {
    supervisor.order(42, BIG_ORDER);
    driver.frame(robot);
    supervisor.order(42, BIG_ORDER - 1); // not big
    driver.frame(robot);

    Celebration now = wall.celebrations().currentProperty().get();
    assertEquals(Kind.BIG_ORDER, now.kind(), "a big first order is a big order, not a new account");
    assertEquals(Account.defaultName(42), now.name());
    assertEquals("ordered 5,000", now.figure());
    Node banner = robot.lookup("#celebrationBanner").query();
    assertTrue(banner.isVisible(), "in front of the wall");
    assertEquals(Account.defaultName(42), text(robot, "#celebrationName"));
    assertEquals("ordered 5,000", text(robot, "#celebrationFigure"));

    showAllQueued(robot);
    assertEquals(1, shown.size(), "one celebration: " + shown);
    assertNull(wall.celebrations().currentProperty().get(), "gone after its seconds");
  }

  @Test
  void celebrationsQueueAndShowOneAfterAnotherEachForItsTime(FxRobot robot) {
    supervisor.order(1, 5_000);
    supervisor.order(2, 6_000);
    supervisor.order(3, 7_000);
    driver.frame(robot);
    assertEquals("ordered 5,000", current().figure());

    clock.advance(CelebrationModel.SHOWN.minusMillis(100));
    driver.frame(robot);
    assertEquals("ordered 5,000", current().figure(), "still its time");
    clock.advance(Duration.ofMillis(100));
    driver.frame(robot);
    assertEquals("ordered 6,000", current().figure());
    clock.advance(CelebrationModel.SHOWN.minusMillis(100));
    driver.frame(robot);
    assertEquals("ordered 6,000", current().figure());
    clock.advance(Duration.ofMillis(100));
    driver.frame(robot);
    assertEquals("ordered 7,000", current().figure());
    clock.advance(CelebrationModel.SHOWN);
    driver.frame(robot);
    assertNull(current(), "all shown, the table is clear again");
    assertEquals(3, shown.size());
  }

  @Test
  void aFullQueueDropsTheOldestWaitingAndSaysHowMany(FxRobot robot) {
    supervisor.order(1, BIG_ORDER + 1);
    driver.frame(robot);
    assertEquals("ordered 5,001", current().figure());
    for (int id = 2; id <= CelebrationModel.QUEUE_LIMIT + 3; id++) {
      supervisor.order(id, BIG_ORDER + id); // seven while one shows: two too many wait
    }
    driver.frame(robot);
    clock.advance(CelebrationModel.SHOWN);
    driver.frame(robot);
    assertEquals("ordered 5,004", current().figure(), "5,002 and 5,003 were dropped");
    assertEquals(2, wall.celebrations().skippedProperty().get());
    showAllQueued(robot);
    assertEquals(1 + CelebrationModel.QUEUE_LIMIT, shown.size());
  }

  @Test
  void aFloodOfNewAccountsIsSummarisedAndARestoreFiresNothing(FxRobot robot) {
    supervisor.restore(90_000, 300, clock.instant());
    driver.frame(robot);
    assertNull(current(), "an account put back is not new");

    for (int id = 1; id <= 5_000; id++) {
      supervisor.order(id, 1);
    }
    driver.frame(robot);
    assertEquals(Account.defaultName(5_000), current().name());
    assertEquals("joined, with 4,999 more", current().figure());

    for (int id = 5_001; id <= 6_000; id++) {
      supervisor.order(id, 1);
      clock.advance(Duration.ofMillis(10));
      driver.frame(robot);
    }
    assertEquals(1, shown.size(), "one summary so far, not thousands queued");
    clock.advance(CelebrationModel.NEW_ACCOUNTS_EVERY);
    driver.frame(robot);
    assertEquals("joined, with 999 more", current().figure());
    assertEquals(2, shown.size());
  }

  @Test
  void theLastCelebrationsShowUnderTheTopTen(FxRobot robot) {
    Node recent = robot.lookup("#recentCelebrations").query();
    assertTrue(!recent.isVisible(), "nothing to list yet");
    for (int id = 1; id <= CelebrationModel.RECENT_SIZE + 1; id++) {
      supervisor.order(id, BIG_ORDER * id);
      driver.frame(robot);
      clock.advance(CelebrationModel.SHOWN);
      driver.frame(robot);
    }
    assertTrue(recent.isVisible());
    assertSame(
        robot.lookup("#leaderboard").query().getParent(), recent.getParent(), "beside the Top 10");
    List<String> lines =
        robot.lookup(".recent-celebration").queryAllAs(Label.class).stream()
            .map(Label::getText)
            .toList();
    assertEquals(CelebrationModel.RECENT_SIZE, lines.size());
    assertEquals("09:00 " + Account.defaultName(6) + " ordered 30,000", lines.get(0).trim());
    assertEquals("09:00 " + Account.defaultName(2) + " ordered 10,000", lines.get(4).trim());
    assertTrue(((Pane) recent.getParent()).getChildren().indexOf(recent) > 0, "under it");
  }

  @Test
  void aLongCelebrationLineWrapsRatherThanWideningTheColumnBesideTheTable(FxRobot robot) {
    Region side = (Region) robot.lookup("#leaderboard").query().getParent();
    Region table = (Region) robot.lookup("#accounts").query();
    supervisor.order(1, 1);
    driver.frame(robot);
    clock.advance(CelebrationModel.SHOWN);
    driver.frame(robot);
    double sideWidth = side.getWidth();
    double tableWidth = table.getWidth();

    long last = // a flood of new accounts, named by its last: one with a long name
        LongStream.rangeClosed(5_000, 6_000)
            .filter(id -> Account.defaultName(id).length() >= 26)
            .findFirst()
            .orElseThrow();
    for (long id = 2; id <= last; id++) {
      supervisor.order(id, 1);
    }
    clock.advance(CelebrationModel.NEW_ACCOUNTS_EVERY);
    driver.frame(robot);
    clock.advance(CelebrationModel.SHOWN);
    driver.frame(robot);
    Label longest =
        robot.lookup(".recent-celebration").queryAllAs(Label.class).stream()
            .max(Comparator.comparingDouble(line -> line.prefWidth(-1)))
            .orElseThrow();
    assertTrue(
        longest.prefWidth(-1) > sideWidth,
        "the test needs a line longer than the column: " + longest.getText());
    assertEquals(sideWidth, side.getWidth(), 0.5, "the column beside the table keeps its width");
    assertEquals(tableWidth, table.getWidth(), 0.5, "and so does the table");
    assertTrue(longest.getHeight() > longest.prefHeight(Double.MAX_VALUE), "the line wraps");
  }

  private Celebration current() {
    return wall.celebrations().currentProperty().get();
  }

  private long goals() {
    return shown.stream().filter(celebration -> celebration.kind() == Kind.GOAL_REACHED).count();
  }

  /** Moves the clock on one banner's time at a time until none shows. */
  private void showAllQueued(FxRobot robot) {
    for (int banners = 0; current() != null && banners < 20; banners++) {
      clock.advance(CelebrationModel.SHOWN);
      driver.frame(robot);
    }
  }

  private static String text(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(Label.class).getText();
  }
}
