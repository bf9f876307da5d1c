package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.ui.figures.KpiTile;
import com.accountwall.ui.table.AccountRow;
import com.accountwall.ui.table.RowAnimations;
import com.accountwall.ui.table.TableModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless. Frames are driven by hand through {@link WallModel#onFrame} and time
 * through a {@link MutableClock}, so nothing here waits for a timer.
 */
@ExtendWith(ApplicationExtension.class)
class WallWindowTest {
  private static final Duration LIFETIME = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final AccountSupervisor supervisor =
      AccountSupervisor.builder().clock(clock).lifetime(LIFETIME).build();
  private final OrderGenerator generator =
      OrderGenerator.builder(supervisor).rate(0).seed(1).build();
  private final WallModel wall = WallModel.builder(supervisor, clock, generator).build();
  private final FrameDriver driver = new FrameDriver(wall);
  private final AtomicInteger batches = new AtomicInteger();
  private TableView<AccountRow> table;

  @Start
  void start(Stage stage) throws Exception {
    stage.setScene(new Scene(WallView.load(wall), 1400, 800));
    stage.show();
    table = lookupTable(stage);
    Runnable sort = table::sort;
    wall.table()
        .setOnBatchApplied(
            () -> {
              batches.incrementAndGet();
              sort.run();
            });
  }

  @AfterEach
  void stop() {
    generator.close();
  }

  @Test
  void clickingOrderOrdersAWidgetAndTheTableShowsTheNewCount(FxRobot robot) {
    robot.clickOn("#accountIdField").write("10");
    robot.clickOn("#orderButton");
    driver.frame(robot);
    assertEquals(List.of("10:1"), shown(robot));

    robot.clickOn("#accountIdField").write("10");
    robot.clickOn("#orderButton");
    driver.frame(robot);

    assertEquals(List.of("10:2"), shown(robot));
    driver.frames(robot, Duration.ofSeconds(1)); // the figures glide to their new values
    assertEquals(
        "1", robot.lookup("#liveAccountsTile").queryAs(KpiTile.class).valueProperty().get());
    assertEquals(
        "2", robot.lookup("#widgetsSoldTile").queryAs(KpiTile.class).valueProperty().get());
  }

  @Test
  void orderOneMoreOrdersForTheSelectedRow(FxRobot robot) {
    supervisor.orderWidget(7);
    driver.frame(robot);
    robot.interact(() -> table.getSelectionModel().select(0));

    robot.clickOn("#orderSelectedButton");
    driver.frame(robot);

    assertEquals(List.of("7:2"), shown(robot));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "0", "-5", "1.5", "99999999999999999999", "   "})
  void anInvalidTypedIdShowsAnErrorAndChangesNothing(String typed, FxRobot robot) {
    supervisor.orderWidget(3);
    driver.frame(robot);

    double switchAt = sceneY(robot, "#generatorSwitch");

    robot.clickOn("#accountIdField").write(typed);
    robot.clickOn("#orderButton");
    driver.frame(robot);

    Label error = robot.lookup("#orderError").queryAs(Label.class);
    assertTrue(error.isVisible());
    assertTrue(
        error.getText().contains(typed.isBlank() ? "Type an account id" : typed), error.getText());
    assertShownWhole(robot, error);
    assertEquals(switchAt, sceneY(robot, "#generatorSwitch"), "the controls below stay put");
    assertEquals(List.of("3:1"), shown(robot));
    assertEquals(1, supervisor.count());
    assertEquals(1, supervisor.totalWidgetsOrdered());

    robot.clickOn("#accountIdField").write("4");
    assertFalse(error.isVisible(), "editing the id clears the error");
  }

  @Test
  void anExpiredAccountsRowFadesAndThenLeaves(FxRobot robot) {
    supervisor.orderWidget(1);
    supervisor.order(2, 5);
    driver.frame(robot);
    clock.advance(Duration.ofSeconds(10));
    supervisor.orderWidget(2);
    clock.advance(LIFETIME.minusSeconds(10));
    supervisor.expireDue();
    driver.frame(robot);

    AccountRow ending = rowOf(1);
    assertTrue(ending.isEnding());
    assertEquals(1.0, ending.opacityProperty().get(), 0.01);

    driver.frames(robot, RowAnimations.FADE_OUT.dividedBy(2));
    assertEquals(0.5, ending.opacityProperty().get(), 0.05);
    assertEquals(
        0.5, tableRowShowing(robot, ending).getOpacity(), 0.05, "the fade shows in the row itself");
    assertEquals(List.of("2:6", "1:1"), shown(robot), "still listed while it fades");
    assertEquals(1, wall.figures().liveAccountsProperty().get());

    driver.frames(robot, RowAnimations.FADE_OUT.dividedBy(2));
    assertEquals(List.of("2:6"), shown(robot));
  }

  @Test
  void endNowFadesTheSelectedAccountOut(FxRobot robot) {
    supervisor.orderWidget(4);
    driver.frame(robot);
    robot.interact(() -> table.getSelectionModel().select(0));

    robot.clickOn("#endSelectedButton");
    driver.frame(robot);

    assertFalse(supervisor.exists(4));
    assertTrue(rowOf(4).isEnding());
    driver.frames(robot, RowAnimations.FADE_OUT);
    assertEquals(List.of(), shown(robot));
  }

  @Test
  void aNewRowFadesInAndIsMarkedArriving(FxRobot robot) {
    supervisor.orderWidget(9);
    driver.frame(robot);
    AccountRow arriving = rowOf(9);
    assertTrue(arriving.arrivingProperty().get());
    assertTrue(arriving.opacityProperty().get() < 0.1);

    driver.frames(robot, RowAnimations.ARRIVING);

    assertEquals(1.0, arriving.opacityProperty().get());
    assertFalse(arriving.arrivingProperty().get());
  }

  @Test
  void theSortByWidgetsHoldsWhileCountsChangeAndOneBatchCarriesManyOrders(FxRobot robot) {
    supervisor.order(1, 3);
    supervisor.order(2, 2);
    supervisor.order(3, 1);
    driver.frame(robot);
    assertEquals(List.of("1:3", "2:2", "3:1"), shown(robot));
    int batchesBefore = batches.get();

    for (int i = 0; i < 1_000; i++) {
      supervisor.orderWidget(3);
    }
    supervisor.order(2, 2);
    driver.frame(robot);

    assertEquals(
        batchesBefore + 1, batches.get(), "a thousand orders between frames make one batch");
    assertEquals(List.of("3:1,001", "2:4", "1:3"), shown(robot));
    assertTrue(rowOf(3).bumpedProperty().get(), "a changed count is marked");
  }

  @Test
  void aSelectedRowStaysPutAndTheSortResumesAFewSecondsAfter(FxRobot robot) {
    supervisor.order(1, 3);
    supervisor.order(2, 2);
    supervisor.order(3, 1);
    driver.frame(robot);
    robot.interact(() -> table.getSelectionModel().select(2));
    assertEquals(3, table.getSelectionModel().getSelectedItem().getAccountId());

    supervisor.order(3, 10);
    driver.frames(robot, Duration.ofSeconds(10));

    assertEquals(
        List.of("1:3", "2:2", "3:11"), shown(robot), "rows stay put while one is selected");
    assertTrue(tableRowShowing(robot, rowOf(3)).isSelected(), "with the selection where it was");

    robot.interact(() -> table.getSelectionModel().clearSelection());
    driver.frames(robot, TableModel.RESUME_AFTER.minusMillis(100));
    assertEquals(List.of("1:3", "2:2", "3:11"), shown(robot), "not at once when let go");
    driver.frames(robot, Duration.ofMillis(200));
    assertEquals(List.of("3:11", "1:3", "2:2"), shown(robot), "but a few seconds later");
  }

  @Test
  void theSelectionLeavesWithItsRow(FxRobot robot) {
    supervisor.order(1, 3);
    supervisor.order(2, 2);
    supervisor.order(3, 1);
    driver.frame(robot);
    robot.interact(() -> table.getSelectionModel().select(2));

    supervisor.end(3);
    driver.frame(robot);
    driver.frames(robot, RowAnimations.FADE_OUT);

    assertNull(
        table.getSelectionModel().getSelectedItem(), "a row that left is no longer selected");
    assertEquals(List.of("1:3", "2:2"), shown(robot));
  }

  @Test
  void aNarrowTableKeepsTheTimeLeftWholeAndHidesAnEmptyTeamColumn(FxRobot robot) {
    supervisor.order(1, 3);
    driver.frame(robot);
    robot.interact(() -> robot.window(0).setWidth(900));
    driver.frame(robot);

    Label time = robot.lookup(".time-left .label").queryAs(Label.class);
    assertEquals("0:30", time.getText());
    assertShownWhole(robot, time);
    assertFalse(
        table.getColumns().stream()
            .filter(column -> column.getText().equals("Team"))
            .findFirst()
            .orElseThrow()
            .isVisible(),
        "no account has a team");
  }

  @Test
  void theLifetimeChoiceAppliesToTheCore(FxRobot robot) {
    ToggleButton selected =
        (ToggleButton)
            robot
                .lookup("#lifetimeButtons")
                .queryAs(SegmentedButton.class)
                .getToggleGroup()
                .getSelectedToggle();
    assertEquals("30 s", selected.getText(), "the lifetime in force is shown selected");
    robot.clickOn("2 min");
    assertEquals(Duration.ofMinutes(2), supervisor.lifetime());
    robot.clickOn("2 min");
    assertEquals(
        Duration.ofMinutes(2), supervisor.lifetime(), "clicking the selected lifetime keeps it");
  }

  @Test
  void theGeneratorSwitchStartsAndPausesTheGenerator(FxRobot robot) {
    robot.clickOn("#generatorSwitch .thumb-area");
    assertTrue(generator.isRunning());
    robot.clickOn("#generatorSwitch .thumb-area");
    assertFalse(generator.isRunning());
  }

  @Test
  void everyControlSaysWhatItDidInTheStatusBar(FxRobot robot) {
    robot.clickOn("#generatorSwitch .thumb-area");
    assertTrue(status(robot).startsWith("Simulated orders on: "), status(robot));
    robot.clickOn("#generatorSwitch .thumb-area");
    assertEquals("Simulated orders paused.", status(robot));

    TextField box = robot.lookup("#rateSpinner .text-field").queryAs(TextField.class);
    robot.clickOn(box);
    robot.interact(box::clear);
    robot.write("1500").type(KeyCode.ENTER);
    assertEquals("Simulated orders set to 1,500 a second.", status(robot));

    robot.clickOn("2 min");
    assertEquals("Lifetime set to 2 min.", status(robot));

    robot.clickOn("#lightTheme");
    assertEquals("Light theme.", status(robot));

    robot.clickOn("#goalField").write("40000");
    robot.type(KeyCode.ENTER);
    assertEquals("Daily goal set to 40,000 widgets.", status(robot));

    robot.interact(() -> wall.controls().teamProperty().set("North"));
    assertEquals("Showing team North only.", status(robot));
    robot.interact(() -> wall.controls().teamProperty().set(null));
    assertEquals("Showing all teams.", status(robot));

    robot.clickOn("#kioskButton");
    robot.interact(() -> wall.controls().kioskProperty().set(false));
    assertEquals("Left kiosk mode (F11 enters it).", status(robot));
  }

  private static String status(FxRobot robot) {
    robot.interact(() -> {});
    return robot.lookup("#statusBar").queryAs(StatusBar.class).getText();
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-5", "1.5", "1000001", " "})
  void anInvalidRateShowsAnErrorAndChangesNothing(String typed, FxRobot robot) {
    robot.interact(() -> wall.controls().rateProperty().set(20));
    double kioskButtonAt = sceneY(robot, "#kioskButton");
    TextField box = robot.lookup("#rateSpinner .text-field").queryAs(TextField.class);

    robot.clickOn(box);
    robot.interact(box::clear);
    robot.write(typed).type(KeyCode.ENTER);

    Label error = robot.lookup("#rateError").queryAs(Label.class);
    assertTrue(error.isVisible());
    assertTrue(error.getText().contains("from 0 to 1,000,000"), error.getText());
    assertTrue(error.getText().contains(typed.strip()), error.getText());
    assertShownWhole(robot, error);
    assertEquals(20, generator.rate(), "the rate in force stays");
    assertEquals(20, wall.controls().rateProperty().get());
    assertEquals(kioskButtonAt, sceneY(robot, "#kioskButton"), "the controls below stay put");

    robot.write("5");
    assertFalse(error.isVisible(), "editing the rate clears the error");
  }

  @Test
  void aTypedRateInRangeIsTheGeneratorsRate(FxRobot robot) {
    TextField box = robot.lookup("#rateSpinner .text-field").queryAs(TextField.class);
    robot.clickOn(box);
    robot.interact(box::clear);
    robot.write("100000").type(KeyCode.ENTER);

    assertEquals(100_000, generator.rate());
    assertFalse(robot.lookup("#rateError").queryAs(Label.class).isVisible());
  }

  /** Where the node's top is in the window. */
  private static double sceneY(FxRobot robot, String query) {
    robot.interact(() -> {});
    Node node = robot.lookup(query).query();
    return WaitForAsyncUtils.waitForAsyncFx(
        5_000, () -> node.localToScene(node.getLayoutBounds()).getMinY());
  }

  /** The label draws its whole text, not cut short with an ellipsis. */
  private static void assertShownWhole(FxRobot robot, Label label) {
    robot.interact(() -> label.getScene().getRoot().layout());
    Text drawn = robot.from(label).lookup(".text").queryAs(Text.class);
    assertEquals(label.getText(), drawn.getText());
  }

  /** The table's rows in display order, as "id:count". */
  private List<String> shown(FxRobot robot) {
    robot.interact(() -> {});
    return WaitForAsyncUtils.waitForAsyncFx(
        5_000,
        () ->
            table.getItems().stream()
                .map(row -> row.getAccountId() + ":" + String.format("%,d", row.getWidgetsSold()))
                .toList());
  }

  private AccountRow rowOf(long accountId) {
    return table.getItems().stream()
        .filter(row -> row.getAccountId() == accountId)
        .findFirst()
        .orElseThrow();
  }

  private TableRow<?> tableRowShowing(FxRobot robot, AccountRow row) {
    return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
        .filter(cell -> cell.getItem() == row)
        .findFirst()
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static TableView<AccountRow> lookupTable(Stage stage) {
    return (TableView<AccountRow>) stage.getScene().lookup("#accounts");
  }
}
