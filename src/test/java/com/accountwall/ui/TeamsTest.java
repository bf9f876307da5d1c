package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.core.Account;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import com.accountwall.ui.figures.TeamTotals;
import com.accountwall.ui.figures.TeamTotals.Standing;
import com.accountwall.ui.table.AccountRow;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Teams on the real window, headless, all teams shown: the team column, the widgets-by-team tile
 * against the core's own sums after orders, a team learned late and an expiry, and choosing one
 * team in the controls. The directory answers only when the test lets it ({@link HeldLookups});
 * frames and the clock are driven by hand.
 */
@ExtendWith(ApplicationExtension.class)
class TeamsTest {
  private static final Duration LIFETIME = Duration.ofMinutes(10);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final HeldLookups directory =
      new HeldLookups(
          Map.of(
              1L, "North", 2L, "North", 3L, "South", 4L, "East", 5L, "West", 7L, "North", 8L,
              "Central"));
  private final AccountSupervisor supervisor =
      AccountSupervisor.builder()
          .clock(clock)
          .lifetime(LIFETIME)
          .directory(directory)
          .enrichmentExecutor(directory)
          .build();
  private final OrderGenerator generator =
      OrderGenerator.builder(supervisor).rate(0).seed(1).build();
  private final List<WallSettings> saved = new CopyOnWriteArrayList<>();
  private final WallModel wall =
      WallModel.builder(supervisor, clock, generator)
          .display(
              TestDisplays.of(
                      new WallSettings(Theme.DARK, 0, LIFETIME, 10, 0), generator, supervisor)
                  .memory(saved::add, Runnable::run)
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
  void theTeamColumnShowsEachAccountsTeamOnceKnownAndSortsByIt(FxRobot robot) {
    supervisor.order(3, 1);
    supervisor.order(1, 2);
    supervisor.order(6, 3); // the directory gives it no team
    driver.frame(robot);
    TableColumn<AccountRow, ?> teamColumn = table.getColumns().get(2);
    assertEquals("Team", teamColumn.getText());
    assertEquals(List.of("6:", "1:", "3:"), teams(teamColumn), "not known yet: empty");

    directory.answer();
    driver.frame(robot);
    assertEquals(List.of("6:", "1:North", "3:South"), teams(teamColumn));

    robot.interact(
        () -> {
          teamColumn.setSortType(TableColumn.SortType.ASCENDING);
          table.getSortOrder().setAll(List.of(teamColumn));
        });
    assertEquals(List.of("6:", "1:North", "3:South"), teams(teamColumn), "no team first");
    robot.interact(() -> teamColumn.setSortType(TableColumn.SortType.DESCENDING));
    assertEquals(List.of("3:South", "1:North", "6:"), teams(teamColumn));
  }

  @Test
  void theTileSumsEachTeamAsTheCoreDoesThroughALateTeamAndAnExpiry(FxRobot robot) {
    supervisor.order(1, 5);
    supervisor.order(2, 3);
    supervisor.order(3, 40);
    supervisor.order(4, 2);
    supervisor.order(5, 1);
    supervisor.order(8, 4);
    supervisor.order(6, 7);
    directory.answer();
    driver.frame(robot);
    assertTileMatchesTheCore();
    assertEquals(
        List.of(
            new Standing("South", 1, 40),
            new Standing("North", 2, 8),
            new Standing("Central", 1, 4),
            new Standing(null, 2, 3),
            new Standing(TeamTotals.NO_TEAM, 1, 7)),
        wall.teams().standingsProperty().get());
    assertEquals(
        List.of("South", "40", "North", "8", "Central", "4", "Other teams", "3", "No team", "7"),
        tileText(robot));

    supervisor.order(7, 6); // its team comes after two orders, in a later frame
    driver.frame(robot);
    supervisor.order(7, 2);
    driver.frame(robot);
    assertEquals(15, wall.teams().widgets(TeamTotals.NO_TEAM), "not known yet: no team");
    assertTileMatchesTheCore();
    directory.answer();
    driver.frame(robot);
    assertEquals(16, wall.teams().widgets("North"), "all of its widgets move to its team");
    assertEquals(7, wall.teams().widgets(TeamTotals.NO_TEAM));
    assertTileMatchesTheCore();

    clock.advance(LIFETIME.dividedBy(2));
    for (long id : new long[] {1, 2, 4, 5, 6, 7, 8}) {
      supervisor.order(id, 1);
    }
    clock.advance(LIFETIME.dividedBy(2).plusSeconds(1));
    assertEquals(1, supervisor.expireDue(), "South's only account ends");
    driver.frame(robot);
    assertEquals(0, wall.teams().accounts("South"));
    assertEquals(0, wall.teams().widgets("South"));
    assertTileMatchesTheCore();
    assertEquals(
        new Standing("North", 3, 19), wall.teams().standingsProperty().get().get(0), "on top now");
    assertEquals(List.of("Central", "East", "North", "South", "West"), wall.teams().getTeamsSeen());
  }

  @Test
  void choosingATeamInTheControlsShowsItsAccountsAndIsRemembered(FxRobot robot) {
    supervisor.order(1, 5);
    supervisor.order(3, 4);
    directory.answer();
    driver.frame(robot);
    @SuppressWarnings("unchecked")
    ComboBox<String> choice = robot.lookup("#teamChoice").queryAs(ComboBox.class);
    assertEquals(List.of("", "North", "South"), choice.getItems(), "all teams, then each seen");
    assertEquals("All teams", choice.getConverter().toString(choice.getValue()));
    Label chip = robot.lookup("#teamChip").queryAs(Label.class);
    assertFalse(chip.isVisible(), "no chip while all teams show");

    robot.interact(() -> choice.setValue("South"));
    driver.frame(robot);
    assertEquals("South", saved.get(saved.size() - 1).team(), "remembered in the settings");
    assertEquals(List.of(3L), ids(), "South's accounts only");
    assertTrue(chip.isVisible());
    assertEquals("Team South", chip.getText());

    robot.interact(() -> choice.setValue(""));
    driver.frame(robot);
    assertEquals(null, saved.get(saved.size() - 1).team());
    assertEquals(List.of(1L, 3L), ids());
    assertFalse(chip.isVisible());
  }

  /** Each team's live accounts and widgets on the tile's model are the core's own sums. */
  private void assertTileMatchesTheCore() {
    Map<String, long[]> core = new HashMap<>();
    for (Account account : supervisor.accounts()) {
      long[] sums = core.computeIfAbsent(account.attribute(), team -> new long[2]);
      sums[0]++;
      sums[1] += account.widgetsOrdered();
    }
    for (String team : List.of("North", "South", "East", "West", "Central", "")) {
      long[] sums = core.getOrDefault(team, new long[2]);
      assertEquals(sums[0], wall.teams().accounts(team), "accounts of '" + team + "'");
      assertEquals(sums[1], wall.teams().widgets(team), "widgets of '" + team + "'");
    }
  }

  private List<String> teams(TableColumn<AccountRow, ?> column) {
    return table.getItems().stream()
        .map(row -> row.getAccountId() + ":" + column.getCellData(row))
        .toList();
  }

  private List<Long> ids() {
    return table.getItems().stream().map(AccountRow::getAccountId).sorted().toList();
  }

  /** The tile's lines as they read, left to right and top to bottom. */
  private static List<String> tileText(FxRobot robot) {
    VBox tile = robot.lookup("#teamsTile").queryAs(VBox.class);
    GridPane lines =
        tile.getChildren().stream()
            .filter(GridPane.class::isInstance)
            .map(GridPane.class::cast)
            .findFirst()
            .orElseThrow();
    return lines.getChildren().stream().map(label -> ((Label) label).getText()).toList();
  }
}
