package com.accountwall.ui;

import com.accountwall.api.ApiEndpoint;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;

/**
 * Binds the wall's view ({@code wall.fxml}) to its {@link WallViewModel}: the figures on top, the
 * table, the leaderboard and the status bar; and puts together the parts that act on the whole
 * window: the theme, {@link KioskMode} and the {@link Pager}. The demo controls are {@link
 * DemoController}'s. Runs on the JavaFX thread.
 */
public final class WallController {

  private final WallViewModel wall;
  private final AccountSupervisor supervisor;
  private final OrderGenerator generator;
  private final ApiEndpoint api;
  private final WallView.Setup setup;
  private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
  private final Pager pager = new Pager();
  private KioskMode kioskMode;

  @FXML private BorderPane root;
  @FXML private Label subtitle;
  @FXML private Label pageIndicator;
  @FXML private KpiTile liveTile;
  @FXML private KpiTile soldTile;
  @FXML private KpiTile rateTile;
  @FXML private KpiTile newestTile;
  @FXML private Sparkline sparkline;
  @FXML private TableView<AccountRow> table;
  @FXML private TableColumn<AccountRow, Long> idColumn;
  @FXML private TableColumn<AccountRow, String> nameColumn;
  @FXML private TableColumn<AccountRow, Number> widgetsColumn;
  @FXML private TableColumn<AccountRow, Instant> timeLeftColumn;
  @FXML private HBox body;
  @FXML private LeaderboardView leaderboard;
  @FXML private VBox controls;
  @FXML private DemoController controlsController;
  @FXML private StatusBar statusBar;

  public WallController(
      WallViewModel wall, AccountSupervisor supervisor, OrderGenerator generator, ApiEndpoint api, WallView.Setup setup) {
    this.wall = wall;
    this.supervisor = supervisor;
    this.generator = generator;
    this.api = api;
    this.setup = setup;
  }

  @FXML
  private void initialize() {
    new KpiBinder(wall.getKpis(), liveTile, soldTile, rateTile, newestTile, sparkline).bind();
    leaderboard.setStandings(wall.getLeaderboard().getStandings());
    bindTable();
    bindPaging();
    bindTheme();
    kioskMode = new KioskMode(root, controls, statusBar);
    kioskMode.kioskProperty().bindBidirectional(controlsController.kioskProperty());
    kioskMode.kioskProperty().set(setup.kiosk());
    pager.runningProperty().bind(kioskMode.kioskProperty());
    wall.addFrameListener(kioskMode::onFrame);

    bindProblems();
    controlsController.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
    controlsController.setOnStatus(statusBar::setText);
    controlsController.setOnSettingsChanged(() -> {
      showStatus();
      saveSettings();
    });
    showStatus();
  }

  private void bindTable() {
    table.setItems(wall.getRows());
    table.setSelectionModel(new AccountSelectionModel(table));
    table.setRowFactory(view -> new AccountTableRow());
    idColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getAccountId()));
    nameColumn.setCellValueFactory(cell -> cell.getValue().nameProperty());
    widgetsColumn.setCellValueFactory(cell -> cell.getValue().widgetsSoldProperty());
    widgetsColumn.setCellFactory(column -> new CountCell());
    timeLeftColumn.setCellValueFactory(cell -> cell.getValue().expiresAtProperty());
    timeLeftColumn.setCellFactory(column -> new TimeLeftCell(wall.nowProperty(), supervisor::lifetime));
    widgetsColumn.setSortType(TableColumn.SortType.DESCENDING);
    table.setSortPolicy(new AccountSortPolicy(wall.getRows())
        .sortBy(idColumn, Comparator.comparingLong(AccountRow::getAccountId))
        .sortBy(nameColumn, Comparator.comparing(AccountRow::getName, Comparator.nullsFirst(Comparator.naturalOrder())))
        .sortBy(widgetsColumn, Comparator.comparingLong(AccountRow::getWidgetsSold))
        .sortBy(timeLeftColumn, Comparator.comparing(AccountRow::getExpiresAt, Comparator.nullsFirst(Comparator.naturalOrder()))));
    table.getSortOrder().add(widgetsColumn);
    // Counts change in place, which a sorted table does not notice: sort once per batch instead.
    wall.setOnBatchApplied(table::sort);
  }

  private void bindPaging() {
    pager.secondsProperty().set(setup.settings().pageSeconds());
    pager.rowCountProperty().bind(Bindings.size(table.getItems()));
    bindWholeRows();
    table.skinProperty().addListener(observable -> bindWholeRows());
    pager.pageProperty().addListener(observable -> showPage());
    // The table keeps its scroll position as a fraction of all rows, so rows leaving would shift the page.
    pager.rowCountProperty().addListener(observable -> showPage());
    pageIndicator.textProperty().bind(Bindings.createStringBinding(
        () -> "Page " + (pager.pageProperty().get() + 1) + " of " + pager.pageCountProperty().get(),
        pager.pageProperty(), pager.pageCountProperty()));
    pageIndicator.visibleProperty().bind(pager.runningProperty().and(pager.pageCountProperty().greaterThan(1)));
    wall.addFrameListener(pager::onFrame);
  }

  /**
   * Ends the table after its last whole row, so no row is cut in half at the bottom of the wall,
   * and pages by whole rows. The column headers' height counts, and it changes with the type size
   * after the table's, so it is followed once the skin has made the headers.
   */
  private void bindWholeRows() {
    Node header = table.lookup(".column-header-background");
    Observable[] sizes = header instanceof Region region
        ? new Observable[] {body.heightProperty(), table.fixedCellSizeProperty(), region.heightProperty()}
        : new Observable[] {body.heightProperty(), table.fixedCellSizeProperty()};
    table.maxHeightProperty().bind(Bindings.createDoubleBinding(
        () -> headerHeight() + wholeRows(body.getHeight()) * table.getFixedCellSize(), sizes));
    pager.rowsPerPageProperty().bind(Bindings.createIntegerBinding(
        () -> wholeRows(table.getHeight()), table.heightProperty(), table.fixedCellSizeProperty()));
  }

  /** How many whole rows fit under the column headers in {@code height}. */
  private int wholeRows(double height) {
    double cell = table.getFixedCellSize();
    return cell > 0 ? Math.max(1, (int) ((height - headerHeight()) / cell)) : 1;
  }

  private double headerHeight() {
    Node header = table.lookup(".column-header-background");
    return header instanceof Region region ? region.getHeight() : table.getFixedCellSize();
  }

  private void showPage() {
    if (!pager.runningProperty().get()) {
      return;
    }
    int first = pager.firstRow();
    table.scrollTo(first);
    // Rows are a fraction of a pixel high at most window sizes, which leaves a later page's first
    // row a few pixels under the headers; lay the table out now and scroll the rest of the way.
    table.layout();
    if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
      IndexedCell<?> top = flow.getVisibleCell(first);
      if (top != null && top.getLayoutY() != 0) {
        flow.scrollPixels(top.getLayoutY());
      }
    }
  }

  /** Shows what keeps the wall from acknowledging orders, as the health check does, checked once a second. */
  private void bindProblems() {
    Label problems = new Label();
    problems.getStyleClass().add("status-problem");
    problems.managedProperty().bind(problems.visibleProperty());
    problems.visibleProperty().bind(problems.textProperty().isNotEmpty());
    statusBar.getLeftItems().add(problems);
    wall.addFrameListener(new LongConsumer() {
      private boolean checked;
      private long nextCheckNanos;

      @Override
      public void accept(long frameNanos) {
        if (!checked || frameNanos - nextCheckNanos >= 0) {
          checked = true;
          nextCheckNanos = frameNanos + TimeUnit.SECONDS.toNanos(1);
          List<String> now = setup.problems().get();
          problems.setText(now.isEmpty() ? "" : "\u26a0 " + String.join("  \u00b7  ", now));
        }
      }
    });
  }

  private void bindTheme() {
    theme.addListener((observable, before, now) -> {
      root.getStylesheets().setAll(WallView.stylesheets(now));
      saveSettings();
    });
    theme.set(setup.settings().theme());
    controlsController.themeProperty().bindBidirectional(theme);
  }

  private void saveSettings() {
    if (theme.get() == null) {
      return; // still starting
    }
    setup.onSettingsChanged().accept(new WallSettings(theme.get(), generator.rate(), supervisor.lifetime(),
        pager.secondsProperty().get(), setup.settings().screen()));
  }

  private void showStatus() {
    String lifetime = Durations.describe(supervisor.lifetime());
    subtitle.setText("Every account with an order in the last " + lifetime);
    table.setPlaceholder(new Label("No account has ordered in the last " + lifetime + ". Orders show up here as they arrive."));
    Label state = new Label(generator.isRunning()
        ? "Simulated orders: " + Counts.format((long) generator.rate()) + "/s"
        : "Simulated orders: paused");
    liveTile.detailProperty().set("ordered in the last " + lifetime);
    Label life = new Label("Lifetime: " + lifetime);
    statusBar.getRightItems().setAll(state, life);
    if (api != null) {
      statusBar.getRightItems().add(0, new Label("API " + api.address()
          + (api.shownToken() == null ? "" : "  \u00b7  token " + api.shownToken())));
    }
    statusBar.getRightItems().forEach(item -> item.getStyleClass().add("status-item"));
  }

  /** A widget count with thousands separators. */
  private static final class CountCell extends TableCell<AccountRow, Number> {
    CountCell() {
      getStyleClass().add("count-cell");
    }

    @Override
    protected void updateItem(Number count, boolean empty) {
      super.updateItem(count, empty);
      setText(empty || count == null ? null : Counts.format(count.longValue()));
    }
  }
}
