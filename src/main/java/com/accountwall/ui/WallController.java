package com.accountwall.ui;

import com.accountwall.api.ApiEndpoint;
import com.accountwall.core.AccountDesk;
import com.accountwall.core.AccountDetails;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.generator.OrderGenerator;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.ToggleSwitch;

/**
 * Binds the wall's view ({@code wall.fxml}) to its {@link WallViewModel} and turns the demo
 * controls into orders, endings, generator settings and lifetimes. Runs on the JavaFX thread.
 */
public final class WallController {
  private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
  private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.US);

  private final WallViewModel wall;
  private final AccountDesk orders;
  private final AccountSupervisor supervisor;
  private final OrderGenerator generator;
  private final ApiEndpoint api;

  @FXML private Label subtitle;
  @FXML private Label liveAccounts;
  @FXML private Label widgetsSold;
  @FXML private TableView<AccountRow> table;
  @FXML private TableColumn<AccountRow, Long> idColumn;
  @FXML private TableColumn<AccountRow, String> nameColumn;
  @FXML private TableColumn<AccountRow, Number> widgetsColumn;
  @FXML private TableColumn<AccountRow, Instant> timeLeftColumn;
  @FXML private TextField accountIdField;
  @FXML private Label orderError;
  @FXML private Button orderSelectedButton;
  @FXML private Button endSelectedButton;
  @FXML private ToggleSwitch generatorSwitch;
  @FXML private Spinner<Integer> rateSpinner;
  @FXML private SegmentedButton lifetimeButtons;
  @FXML private StatusBar statusBar;

  public WallController(
      WallViewModel wall, AccountDesk orders, AccountSupervisor supervisor, OrderGenerator generator, ApiEndpoint api) {
    this.wall = wall;
    this.orders = orders;
    this.supervisor = supervisor;
    this.generator = generator;
    this.api = api;
  }

  @FXML
  private void initialize() {
    bindHeader();
    bindTable();
    bindGenerator();
    bindLifetime();
    accountIdField.textProperty().addListener((observable, before, after) -> showOrderError(null));
    orderSelectedButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    endSelectedButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
  }

  @FXML
  private void orderTyped() {
    long accountId;
    try {
      accountId = AccountIdInput.parse(accountIdField.getText());
    } catch (IllegalArgumentException e) {
      showOrderError(e.getMessage());
      return;
    }
    order(accountId);
    accountIdField.clear();
  }

  @FXML
  private void orderSelected() {
    AccountRow row = table.getSelectionModel().getSelectedItem();
    if (row != null) {
      order(row.getAccountId());
    }
  }

  @FXML
  private void endSelected() {
    AccountRow row = table.getSelectionModel().getSelectedItem();
    if (row != null) {
      boolean ended = orders.end(row.getAccountId());
      statusBar.setText(ended ? "Ended account " + row.getAccountId() + "." : "Account " + row.getAccountId() + " had already ended.");
    }
  }

  private void order(long accountId) {
    AccountDetails details = orders.order(accountId, 1).details();
    statusBar.setText("Ordered a widget for " + details.name() + ": " + COUNT.format(details.widgetsOrdered()) + " sold.");
  }

  private void showOrderError(String message) {
    orderError.setText(message);
    orderError.setVisible(message != null);
    orderError.setManaged(message != null);
    accountIdField.pseudoClassStateChanged(INVALID, message != null);
  }

  private void bindHeader() {
    liveAccounts.textProperty().bind(Bindings.createStringBinding(
        () -> COUNT.format(wall.liveAccountsProperty().get()), wall.liveAccountsProperty()));
    widgetsSold.textProperty().bind(Bindings.createStringBinding(
        () -> COUNT.format(wall.widgetsSoldProperty().get()), wall.widgetsSoldProperty()));
  }

  private void bindTable() {
    table.setItems(wall.getRows());
    table.setRowFactory(view -> new AccountTableRow());
    idColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getAccountId()));
    nameColumn.setCellValueFactory(cell -> cell.getValue().nameProperty());
    widgetsColumn.setCellValueFactory(cell -> cell.getValue().widgetsSoldProperty());
    widgetsColumn.setCellFactory(column -> new CountCell());
    timeLeftColumn.setCellValueFactory(cell -> cell.getValue().expiresAtProperty());
    timeLeftColumn.setCellFactory(column -> new TimeLeftCell(wall.nowProperty()));
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

  private void bindGenerator() {
    generatorSwitch.setSelected(generator.isRunning());
    generatorSwitch.selectedProperty().addListener((observable, wasOn, on) -> {
      if (on) {
        generator.start();
      } else {
        generator.pause();
      }
      showStatus();
    });
    IntegerSpinnerValueFactory rates = new IntegerSpinnerValueFactory(0, 1_000_000, (int) generator.rate(), 5);
    rates.setConverter(new RateConverter(rates));
    rateSpinner.setValueFactory(rates);
    rateSpinner.valueProperty().addListener((observable, before, rate) -> {
      generator.setRate(rate);
      showStatus();
    });
  }

  private void bindLifetime() {
    // The buttons join the toggle group only when the skin is made, so select through the buttons.
    for (ToggleButton button : lifetimeButtons.getButtons()) {
      button.setToggleGroup(lifetimeButtons.getToggleGroup());
      button.setSelected(Duration.parse((String) button.getUserData()).equals(supervisor.lifetime()));
    }
    lifetimeButtons.getToggleGroup().selectedToggleProperty().addListener((observable, before, selected) -> {
      if (selected == null) {
        before.setSelected(true); // one lifetime is always in force
        return;
      }
      supervisor.setLifetime(Duration.parse((String) selected.getUserData()));
      wall.refreshAll();
      showStatus();
    });
    showStatus();
  }

  private void showStatus() {
    String lifetime = Durations.describe(supervisor.lifetime());
    subtitle.setText("Every account with an order in the last " + lifetime);
    table.setPlaceholder(new Label("No account has ordered in the last " + lifetime + ". Orders show up here as they arrive."));
    Label state = new Label(generator.isRunning()
        ? "Simulated orders: " + COUNT.format((long) generator.rate()) + "/s"
        : "Simulated orders: paused");
    Label life = new Label("Lifetime: " + lifetime);
    statusBar.getRightItems().setAll(state, life);
    if (api != null) {
      statusBar.getRightItems().add(0, new Label("API " + api.address()
          + (api.shownToken() == null ? "" : "  \u00b7  token " + api.shownToken())));
    }
    statusBar.getRightItems().forEach(item -> item.getStyleClass().add("status-item"));
  }

  /** Reads a typed rate; text that is not a whole number keeps the current rate. */
  private static final class RateConverter extends StringConverter<Integer> {
    private final IntegerSpinnerValueFactory rates;

    RateConverter(IntegerSpinnerValueFactory rates) {
      this.rates = rates;
    }

    @Override
    public String toString(Integer rate) {
      return rate == null ? "" : rate.toString();
    }

    @Override
    public Integer fromString(String text) {
      try {
        return Integer.valueOf(text.strip());
      } catch (NumberFormatException e) {
        return rates.getValue();
      }
    }
  }

  /** A widget count with thousands separators. */
  private static final class CountCell extends TableCell<AccountRow, Number> {
    CountCell() {
      getStyleClass().add("count-cell");
    }

    @Override
    protected void updateItem(Number count, boolean empty) {
      super.updateItem(count, empty);
      setText(empty || count == null ? null : COUNT.format(count.longValue()));
    }
  }
}
