package com.accountwall.ui;

import com.accountwall.core.AccountDesk;
import com.accountwall.core.AccountDetails;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.settings.Theme;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.ToggleSwitch;

/**
 * The demo controls ({@code controls.fxml}): orders for a typed id or the selected row, ending the
 * selected account, the generator's switch and rate, the lifetime, the theme and kiosk mode. What
 * it did it reports through {@link #setOnStatus}; a change to a setting the wall remembers through
 * {@link #setOnSettingsChanged}. Runs on the JavaFX thread.
 */
public final class DemoController {
  private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

  private final WallViewModel wall;
  private final AccountDesk orders;
  private final AccountSupervisor supervisor;
  private final OrderGenerator generator;
  private final Executor deskCalls;
  private final ObjectProperty<AccountRow> selected = new SimpleObjectProperty<>(this, "selected");
  private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.DARK);
  private final BooleanProperty kiosk = new SimpleBooleanProperty(this, "kiosk");
  private Consumer<String> onStatus = text -> {};
  private Runnable onSettingsChanged = () -> {};

  @FXML private TextField accountIdField;
  @FXML private Label orderError;
  @FXML private Button orderSelectedButton;
  @FXML private Button endSelectedButton;
  @FXML private ToggleSwitch generatorSwitch;
  @FXML private Spinner<Integer> rateSpinner;
  @FXML private SegmentedButton lifetimeButtons;
  @FXML private SegmentedButton themeButtons;

  /**
   * @param deskCalls where orders and endings from the buttons run; the status comes back on the
   *     JavaFX thread
   */
  public DemoController(WallViewModel wall, AccountDesk orders, AccountSupervisor supervisor, OrderGenerator generator,
      Executor deskCalls) {
    this.wall = wall;
    this.orders = orders;
    this.supervisor = supervisor;
    this.generator = generator;
    this.deskCalls = deskCalls;
  }

  /** The row the order-one-more and end-now buttons act on. */
  ObjectProperty<AccountRow> selectedProperty() {
    return selected;
  }

  ObjectProperty<Theme> themeProperty() {
    return theme;
  }

  BooleanProperty kioskProperty() {
    return kiosk;
  }

  void setOnStatus(Consumer<String> handler) {
    this.onStatus = handler;
  }

  /** Runs after the generator, its rate or the lifetime changed. */
  void setOnSettingsChanged(Runnable handler) {
    this.onSettingsChanged = handler;
  }

  @FXML
  private void initialize() {
    bindGenerator();
    bindLifetime();
    bindTheme();
    accountIdField.textProperty().addListener((observable, before, after) -> showOrderError(null));
    orderSelectedButton.disableProperty().bind(selected.isNull());
    endSelectedButton.disableProperty().bind(selected.isNull());
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
    AccountRow row = selected.get();
    if (row != null) {
      order(row.getAccountId());
    }
  }

  @FXML
  private void endSelected() {
    AccountRow row = selected.get();
    if (row != null) {
      long accountId = row.getAccountId();
      atDesk(() -> orders.end(accountId)
          ? "Ended account " + accountId + "."
          : "Account " + accountId + " had already ended.", "end account " + accountId);
    }
  }

  @FXML
  private void enterKiosk() {
    kiosk.set(true);
  }

  private void order(long accountId) {
    atDesk(() -> {
      AccountDetails details = orders.order(accountId, 1).details();
      return "Ordered a widget for " + details.name() + ": " + Counts.format(details.widgetsOrdered()) + " sold.";
    }, "order a widget for " + accountId);
  }

  /** Runs {@code call} on the desk's executor and shows what it says, or why it failed. */
  private void atDesk(Supplier<String> call, String what) {
    deskCalls.execute(() -> {
      String status;
      try {
        status = call.get();
      } catch (RuntimeException e) {
        status = "Could not " + what + ": " + e.getMessage();
      }
      String shown = status;
      if (Platform.isFxApplicationThread()) {
        onStatus.accept(shown);
      } else {
        Platform.runLater(() -> onStatus.accept(shown));
      }
    });
  }

  private void showOrderError(String message) {
    orderError.setText(message);
    orderError.setVisible(message != null);
    orderError.setManaged(message != null);
    accountIdField.pseudoClassStateChanged(INVALID, message != null);
  }

  private void bindGenerator() {
    generatorSwitch.setSelected(generator.isRunning());
    generatorSwitch.selectedProperty().addListener((observable, wasOn, on) -> {
      if (on) {
        generator.start();
      } else {
        generator.pause();
      }
      onSettingsChanged.run();
    });
    IntegerSpinnerValueFactory rates = new IntegerSpinnerValueFactory(0, 1_000_000, (int) generator.rate(), 5);
    rates.setConverter(new RateConverter(rates));
    rateSpinner.setValueFactory(rates);
    rateSpinner.valueProperty().addListener((observable, before, rate) -> {
      generator.setRate(rate);
      onSettingsChanged.run();
    });
  }

  private void bindLifetime() {
    selectEach(lifetimeButtons, data -> Duration.parse(data).equals(supervisor.lifetime()));
    lifetimeButtons.getToggleGroup().selectedToggleProperty().addListener((observable, before, chosen) -> {
      if (keepOneSelected(before, chosen)) {
        supervisor.setLifetime(Duration.parse((String) chosen.getUserData()));
        wall.refreshAll();
        onSettingsChanged.run();
      }
    });
  }

  private void bindTheme() {
    selectEach(themeButtons, data -> Theme.valueOf(data) == theme.get());
    themeButtons.getToggleGroup().selectedToggleProperty().addListener((observable, before, chosen) -> {
      if (keepOneSelected(before, chosen)) {
        theme.set(Theme.valueOf((String) chosen.getUserData()));
      }
    });
    theme.addListener((observable, before, now) -> selectEach(themeButtons, data -> Theme.valueOf(data) == now));
  }

  /** Selects the buttons whose user data passes; the buttons join the group only with the skin, so join them here. */
  private static void selectEach(SegmentedButton buttons, Predicate<String> chosen) {
    for (ToggleButton button : buttons.getButtons()) {
      button.setToggleGroup(buttons.getToggleGroup());
      if (chosen.test((String) button.getUserData())) {
        button.setSelected(true);
      }
    }
  }

  /** One choice is always in force: clicking the selected one keeps it. Returns whether a new one was chosen. */
  private static boolean keepOneSelected(Toggle before, Toggle chosen) {
    if (chosen == null) {
      before.setSelected(true);
      return false;
    }
    return true;
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
}
