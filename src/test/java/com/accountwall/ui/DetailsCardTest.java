package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.core.AccountDetails;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.day.WallDay;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.journal.HistoryStep;
import com.accountwall.journal.HistorySteps;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import com.accountwall.ui.details.DetailsModel;
import com.accountwall.ui.table.AccountRow;
import com.accountwall.ui.text.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The details card on the real window, headless: a row clicked opens it with the core's values of
 * the account and its day from the order history (played by hand), it follows a new order and an
 * ending, and it closes on Esc, a click beside it and its timeout by the wall's clock, and never
 * opens in kiosk mode. Frames and the clock are driven by hand; the history is asked on the JavaFX
 * thread, as the desk's calls are in tests.
 */
@ExtendWith(ApplicationExtension.class)
class DetailsCardTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");

  /**
   * Account 42's orders in the history: one of an earlier account of the id yesterday, then the two
   * of the live one.
   */
  private static final List<HistoryStep> HISTORY =
      List.of(
          new HistoryStep(Instant.parse("2026-11-22T10:00:00Z"), 1, 4),
          new HistoryStep(Instant.parse("2026-11-23T08:10:00Z"), 1, 3),
          new HistoryStep(Instant.parse("2026-11-23T09:05:00Z"), 1, 2));

  private final MutableClock clock = new MutableClock(NOW);
  private final HeldLookups directory = new HeldLookups(Map.of(42L, "North"));
  private final AccountSupervisor supervisor =
      AccountSupervisor.builder()
          .clock(clock)
          .directory(directory)
          .enrichmentExecutor(directory)
          .build();
  private final OrderGenerator generator =
      OrderGenerator.builder(supervisor).rate(0).seed(1).build();
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private final WallModel wall =
      WallModel.builder(supervisor, clock, generator)
          .display(
              TestDisplays.of(
                      new WallSettings(Theme.DARK, 0, supervisor.lifetime(), 10, 0),
                      generator,
                      supervisor)
                  .build())
          .day(WallDay.midnights(ZoneOffset.UTC))
          .accountHistory(
              (id, from, to, step) -> {
                asked.add(id + " " + from + " " + to + " " + step);
                return HistorySteps.sum(from, to, step, id == 42 ? HISTORY : List.of());
              })
          .build();
  private final FrameDriver driver = new FrameDriver(wall);

  @Start
  void start(Stage stage) throws Exception {
    stage.setScene(new Scene(WallView.load(wall), 1600, 900));
    stage.show();
  }

  @AfterEach
  void stop() {
    generator.close();
  }

  /** Account 42 live with the history's two orders, its team known, and 7 on the table. */
  private void twoAccounts(FxRobot robot) {
    supervisor.orderAt(42, 3, Instant.parse("2026-11-23T08:10:20Z").toEpochMilli());
    supervisor.orderAt(42, 2, Instant.parse("2026-11-23T09:05:40Z").toEpochMilli());
    supervisor.order(7, 1);
    directory.answer();
    driver.frame(robot);
  }

  @Test
  void aRowClickedOpensTheCardWithTheCoresValuesAndTheHistorysDay(FxRobot robot) {
    twoAccounts(robot);
    assertFalse(robot.lookup("#detailsLayer").query().isVisible(), "no card before a click");

    clickRow(robot, 42);

    assertTrue(wall.details().openProperty().get());
    assertTrue(robot.lookup("#detailsCard").query().isVisible());
    AccountDetails core = supervisor.details(42).orElseThrow();
    assertEquals("Account 42", text(robot, "#detailsId"));
    assertEquals(core.name(), text(robot, "#detailsName"));
    assertEquals("Customer 42", core.name(), "the directory's name");
    assertEquals("Team " + core.attribute(), text(robot, "#detailsTeam"));
    assertEquals(Texts.ENGLISH.count(core.widgetsOrdered()), text(robot, "#detailsWidgets"));
    assertEquals("5", text(robot, "#detailsWidgets"));
    assertEquals("08:10", text(robot, "#detailsFirstOrder"), "not yesterday's earlier account");
    assertEquals("09:05", text(robot, "#detailsLastOrder"));
    assertEquals("23:35:40", text(robot, "#detailsTimeLeft"));
    assertEquals(
        Texts.ENGLISH.timeOfDay(core.expiresAt(), NOW, ZoneOffset.UTC),
        text(robot, "#detailsDeadline"));
    assertEquals("Tue 24 Nov 09:05", text(robot, "#detailsDeadline"));
    assertEquals(
        List.of("42 2026-11-22T10:00:00Z 2026-11-23T09:30:00Z PT1M"),
        asked,
        "the history from the sparkline's first hour to the opening, minute by minute");
    long[] hours = new long[DetailsModel.HOURS];
    hours[0] = 4; // yesterday 10:00, the earlier account's: the id's day
    hours[22] = 3;
    hours[23] = 2;
    assertArrayEquals(hours, wall.details().hourlyWidgetsProperty().get());
  }

  @Test
  void aNewOrderShowsOnTheOpenCardWithinAFrame(FxRobot robot) {
    twoAccounts(robot);
    clickRow(robot, 42);

    clock.advance(Duration.ofSeconds(20)); // within its timeout
    supervisor.order(42, 7);
    driver.frame(robot);

    assertEquals("12", text(robot, "#detailsWidgets"));
    assertEquals("09:30", text(robot, "#detailsLastOrder"));
    assertEquals("24:00:00", text(robot, "#detailsTimeLeft"));
    assertEquals("Tue 24 Nov 09:30", text(robot, "#detailsDeadline"));
    assertEquals(9, wall.details().hourlyWidgetsProperty().get()[DetailsModel.HOURS - 1]);
    assertEquals("08:10", text(robot, "#detailsFirstOrder"));
  }

  @Test
  void anAccountThatEndsSaysSoOnItsCard(FxRobot robot) {
    twoAccounts(robot);
    clickRow(robot, 42);

    supervisor.end(42);
    driver.frame(robot);

    assertTrue(wall.details().openProperty().get(), "still open, to say so");
    assertEquals("Ended", text(robot, "#detailsTimeLeft"));
    assertEquals("5", text(robot, "#detailsWidgets"), "its last count");
  }

  @Test
  void escapeClosesTheCard(FxRobot robot) {
    twoAccounts(robot);
    clickRow(robot, 42);

    robot.type(KeyCode.ESCAPE);

    assertFalse(wall.details().openProperty().get());
    assertFalse(robot.lookup("#detailsLayer").query().isVisible());
  }

  @Test
  void aClickBesideTheCardClosesItAndOneOnItDoesNot(FxRobot robot) {
    twoAccounts(robot);
    clickRow(robot, 42);

    robot.clickOn("#detailsName");
    assertTrue(wall.details().openProperty().get(), "a click on the card");
    Node card = robot.lookup("#detailsCard").query();
    var bounds = card.localToScreen(card.getBoundsInLocal());
    robot.clickOn(bounds.getMinX() - 40, bounds.getMinY() + 10);
    assertFalse(wall.details().openProperty().get(), "a click on the dimmed wall");

    clickRow(robot, 7);
    assertTrue(wall.details().openProperty().get(), "another row opens it again");
    robot.clickOn("#detailsClose");
    assertFalse(wall.details().openProperty().get(), "its close button");
  }

  @Test
  void theCardClosesOnItsOwnAfterItsTimeUntouched(FxRobot robot) {
    twoAccounts(robot);
    clickRow(robot, 42);

    clock.advance(DetailsModel.TIMEOUT.minusSeconds(10));
    driver.frame(robot);
    robot.moveTo("#detailsName"); // someone reading it
    clock.advance(DetailsModel.TIMEOUT.minusSeconds(1));
    driver.frame(robot);
    assertTrue(wall.details().openProperty().get(), "touched since it opened");

    clock.advance(Duration.ofSeconds(1));
    driver.frame(robot);
    assertFalse(wall.details().openProperty().get(), "its time without a touch is up");
    assertFalse(robot.lookup("#detailsLayer").query().isVisible());
  }

  @Test
  void kioskModeNeverOpensTheCardAndClosesOneOpen(FxRobot robot) {
    twoAccounts(robot);
    clickRow(robot, 42);
    assertTrue(wall.details().openProperty().get());

    robot.interact(() -> wall.kioskProperty().set(true));
    driver.frame(robot);
    assertFalse(wall.details().openProperty().get(), "closed as kiosk mode starts");

    clickRow(robot, 42);
    driver.frame(robot);
    assertFalse(wall.details().openProperty().get(), "a click in kiosk mode opens nothing");
    assertFalse(robot.lookup("#detailsLayer").query().isVisible());
  }

  @SuppressWarnings("unchecked")
  private static void clickRow(FxRobot robot, long accountId) {
    Node row =
        robot
            .lookup(".table-row-cell")
            .match(
                node ->
                    ((TableRow<AccountRow>) node).getItem() != null
                        && ((TableRow<AccountRow>) node).getItem().getAccountId() == accountId)
            .query();
    robot.clickOn(row);
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }
}
