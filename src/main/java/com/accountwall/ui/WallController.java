package com.accountwall.ui;

import com.accountwall.api.ApiEndpoint;
import com.accountwall.settings.Theme;
import com.accountwall.ui.celebrate.RecentCelebrations;
import com.accountwall.ui.controls.ControlsController;
import com.accountwall.ui.details.DetailsCard;
import com.accountwall.ui.figures.FiguresPane;
import com.accountwall.ui.kiosk.KioskMode;
import com.accountwall.ui.kiosk.PageIndicator;
import com.accountwall.ui.kiosk.Pager;
import com.accountwall.ui.leaderboard.LeaderboardView;
import com.accountwall.ui.stale.StaleBanner;
import com.accountwall.ui.table.AccountTable;
import com.accountwall.ui.text.Texts;
import java.net.URL;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;

/**
 * Puts the window ({@code wall.fxml}) together over its {@link WallModel}: each room's view over
 * that room's model (the stale banner, the figures, the table, the leaderboard with the recent
 * celebrations under it, the page indicator), the header, the status bar, the theme's stylesheets
 * (the details card's among them, which {@link WallView} lays over the wall) and {@link KioskMode},
 * each in the wall's language ({@link WallModel#texts()}); a row chosen in the table opens its
 * details card. The demo controls are bound by their own controller. Runs on the JavaFX thread.
 */
public final class WallController {
  private final WallModel model;
  private final Texts texts;

  @FXML private BorderPane root;
  @FXML private VBox top;
  @FXML private HBox header;
  @FXML private Label subtitle;
  @FXML private HBox body;
  @FXML private VBox controls;
  @FXML private StatusBar statusBar;

  public WallController(WallModel model) {
    this.model = model;
    this.texts = model.texts();
  }

  @FXML
  void initialize() {
    header.getChildren().add(new PageIndicator(model.pager(), texts));
    top.getChildren().add(0, new StaleBanner(model.stale()));
    top.getChildren()
        .add(
            new FiguresPane(
                model.figures(),
                model.today(),
                model.goal(),
                model.shownTodayProperty(),
                model.teams(),
                model.teamProperty(),
                texts));
    header.getChildren().add(1, teamChip()); // beside the title, before the page indicator
    AccountTable table = new AccountTable(model.table(), texts);
    table.showTeamColumnWhile(Bindings.isNotEmpty(model.teams().getTeamsSeen()));
    HBox.setHgrow(table, Priority.ALWAYS);
    LeaderboardView leaderboard = new LeaderboardView(model.leaderboard(), texts);
    VBox.setVgrow(leaderboard, Priority.ALWAYS);
    VBox side = new VBox(leaderboard, new RecentCelebrations(model.celebrations()));
    side.getStyleClass().add("side");
    body.getChildren().setAll(table, side);
    bindPaging(table);
    root.getStylesheets().setAll(stylesheets(model.themeProperty().get()));
    model
        .themeProperty()
        .addListener((observable, before, now) -> root.getStylesheets().setAll(stylesheets(now)));
    KioskMode kioskMode = new KioskMode(root, controls, statusBar);
    kioskMode.kioskProperty().bindBidirectional(model.kioskProperty());
    model.addFrameListener(kioskMode::onFrame);
    model.controls().selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
    table.setOnRowChosen(row -> model.details().open(row.getAccountId()));
    bindStatusBar();
  }

  /**
   * "Team North" in the header while one team shows, so nobody takes the wall for the whole floor;
   * shown in kiosk mode too.
   */
  private Label teamChip() {
    Label chip = new Label();
    chip.setId("teamChip");
    chip.getStyleClass().add("team-chip");
    chip.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.teamProperty().get() == null
                        ? ""
                        : texts.text("wall.teamChip", model.teamProperty().get()),
                model.teamProperty()));
    chip.visibleProperty().bind(model.teamProperty().isNotNull());
    chip.managedProperty().bind(chip.visibleProperty());
    return chip;
  }

  private void bindPaging(AccountTable table) {
    Pager pager = model.pager();
    pager.rowCountProperty().bind(Bindings.size(table.getItems()));
    table.fitWholeRows(body.heightProperty());
    pager.rowsPerPageProperty().bind(table.wholeRowsProperty());
    pager.pageProperty().addListener(observable -> showPage(table));
    // The table keeps its scroll position as a fraction of all rows, so rows leaving would shift
    // the page.
    pager.rowCountProperty().addListener(observable -> showPage(table));
    // Leaving kiosk mode on a later page would leave the table there, where the sort looks broken.
    pager
        .runningProperty()
        .addListener(
            (observable, wasRunning, running) -> {
              if (!running) {
                table.showFrom(0);
              }
            });
  }

  private void showPage(AccountTable table) {
    if (model.pager().runningProperty().get()) {
      table.showFrom(model.pager().firstRow());
    }
  }

  /**
   * The last action on the left, with what keeps the wall from acknowledging orders and how far a
   * re-projection has come, each only while there is one; on the right, the API, the simulated
   * orders and the lifetime.
   */
  private void bindStatusBar() {
    statusBar.textProperty().bind(model.controls().statusProperty());
    Label problems = shownWhileSaid("problems", "status-problem");
    problems.textProperty().bind(model.problemsProperty());
    Label reprojection = shownWhileSaid("reprojection", "status-reprojection");
    reprojection.textProperty().bind(model.reprojectionProperty());
    statusBar.getLeftItems().addAll(problems, reprojection);
    model.controls().generatorOnProperty().addListener(observable -> showStatus());
    model.controls().rateProperty().addListener(observable -> showStatus());
    model.lifetimeProperty().addListener(observable -> showStatus());
    showStatus();
  }

  private static Label shownWhileSaid(String id, String styleClass) {
    Label label = new Label();
    label.setId(id);
    label.getStyleClass().add(styleClass);
    label.managedProperty().bind(label.visibleProperty());
    label.visibleProperty().bind(label.textProperty().isNotEmpty());
    return label;
  }

  private void showStatus() {
    String lifetime = texts.duration(model.lifetimeProperty().get());
    subtitle.setText(texts.text("wall.subtitle", lifetime));
    Label state =
        new Label(
            model.controls().generatorOnProperty().get()
                ? texts.text("status.generatorOn", texts.count((long) model.rate()))
                : texts.text("status.generatorPaused"));
    Label life = new Label(texts.text("status.lifetime", lifetime));
    statusBar.getRightItems().setAll(state, life);
    ApiEndpoint api = model.api();
    if (api != null) {
      statusBar
          .getRightItems()
          .add(
              0,
              new Label(
                  api.tokenStart() == null
                      ? texts.text("status.api", api.address())
                      : texts.text(
                          "status.apiWithToken",
                          api.address(),
                          api.tokenStart(),
                          api.tokenFile())));
    }
    statusBar.getRightItems().forEach(item -> item.getStyleClass().add("status-item"));
  }

  /** The stylesheets of {@code theme}: the window's, each room's, then the theme's palette. */
  private static List<String> stylesheets(Theme theme) {
    return Stream.of(
            WallController.class.getResource("wall.css"),
            FiguresPane.class.getResource("figures.css"),
            AccountTable.class.getResource("table.css"),
            LeaderboardView.class.getResource("leaderboard.css"),
            PageIndicator.class.getResource("kiosk.css"),
            StaleBanner.class.getResource("stale.css"),
            DetailsCard.class.getResource("details.css"),
            ControlsController.class.getResource("controls.css"),
            WallController.class.getResource("theme-" + theme.id() + ".css"))
        .map(URL::toExternalForm)
        .toList();
  }
}
