package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.WallOptions;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.day.WallDay;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.ui.figures.KpiTile;
import com.accountwall.ui.leaderboard.Leaderboard;
import com.accountwall.ui.table.AccountRow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * {@code --team North --goal 100} on the real window, headless: the table, the Top 10 and the
 * figures show North's accounts only, the header says so, and the goal stays the whole floor's. The
 * directory answers when the test lets it ({@link HeldLookups}); frames and the clock are driven by
 * hand.
 */
@ExtendWith(ApplicationExtension.class)
class TeamFilterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final HeldLookups directory =
      new HeldLookups(Map.of(1L, "North", 2L, "North", 3L, "South", 5L, "North"));
  private final AccountSupervisor supervisor =
      AccountSupervisor.builder()
          .clock(clock)
          .lifetime(Duration.ofHours(24))
          .directory(directory)
          .enrichmentExecutor(directory)
          .build();
  private final OrderGenerator generator =
      OrderGenerator.builder(supervisor).rate(0).seed(1).build();
  private final WallModel wall =
      WallModel.builder(supervisor, clock, generator)
          .day(new WallDay(ZoneOffset.UTC, LocalTime.of(6, 0), LocalTime.of(18, 0)))
          .display(
              TestDisplays.of(
                      WallOptions.parse("--team", "North", "--goal=100").config().settings(),
                      generator,
                      supervisor)
                  .build())
          .build();
  private final FrameDriver driver = new FrameDriver(wall);
  private TableView<AccountRow> table;

  @Start
  @SuppressWarnings("unchecked")
  void start(Stage stage) throws Exception {
    stage.setScene(new Scene(WallView.load(wall), 1600, 900));
    stage.show();
    table = (TableView<AccountRow>) stage.getScene().lookup("#accounts");
  }

  @AfterEach
  void stop() {
    generator.close();
  }

  @Test
  void teamFiltersRowsAndFigures(FxRobot robot) {
    supervisor.order(1, 5);
    supervisor.order(2, 3);
    supervisor.order(3, 40);
    supervisor.order(4, 9); // no team at all
    driver.frame(robot);
    assertEquals(List.of(), ids(), "no team known yet: nothing of North's to show");

    directory.answer();
    supervisor.order(1, 2); // orders once the team is known count for it
    supervisor.order(3, 1);
    driver.frame(robot);
    driver.frames(robot, Duration.ofSeconds(1)); // the figures glide to their values

    assertEquals(List.of(1L, 2L), ids());
    assertEquals(
        List.of(1L, 2L),
        wall.leaderboard().getStandings().stream().map(Leaderboard.Standing::accountId).toList());
    assertEquals("2", tile(robot, "#liveAccountsTile").valueProperty().get());
    assertEquals("10", tile(robot, "#widgetsSoldTile").valueProperty().get());
    assertEquals(1, wall.figures().ordersPerMinuteProperty().get(), "North's one order");
    assertEquals("2", tile(robot, "#todayTile").valueProperty().get());
    assertEquals("1 order since 09:00", tile(robot, "#todayTile").detailProperty().get());
    assertEquals("Team North", robot.lookup("#teamChip").queryAs(Label.class).getText());
    assertTrue(robot.lookup("#teamChip").query().isVisible());

    KpiTile goal = tile(robot, "#goalTile");
    assertEquals("Daily goal \u00b7 whole floor", goal.getCaption());
    assertEquals("60 %", goal.valueProperty().get(), "of every team's widgets today");
    assertTrue(goal.detailProperty().get().startsWith("60 of 100 "), goal.detailProperty().get());

    supervisor.order(5, 4); // a new North account, named a frame later
    driver.frame(robot);
    directory.answer();
    driver.frame(robot);
    driver.frames(robot, Duration.ofSeconds(1));
    assertEquals(List.of(1L, 2L, 5L), ids());
    assertEquals("Customer 5", tile(robot, "#newestTile").valueProperty().get());
    assertEquals("14", tile(robot, "#widgetsSoldTile").valueProperty().get());
  }

  private List<Long> ids() {
    return table.getItems().stream().map(AccountRow::getAccountId).sorted().toList();
  }

  private static KpiTile tile(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(KpiTile.class);
  }
}
