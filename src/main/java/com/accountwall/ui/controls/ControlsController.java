package com.accountwall.ui.controls;

import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import com.accountwall.ui.text.Texts;
import java.time.Duration;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.ToggleSwitch;

/**
 * Binds the demo controls ({@code controls.fxml}, whose words come from the loader's bundle) to
 * their {@link ControlsModel}: each field, switch and button shows a property or runs a command of
 * the model, and nothing else; it writes the words the FXML cannot, the choice of all teams, the
 * lifetimes and the API token's row, in the wall's language. Runs on the JavaFX thread.
 */
public final class ControlsController {
  private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

  /** The team box's choice of all teams. */
  private static final String ALL_TEAMS = "";

  private final ControlsModel model;
  private final Texts texts;

  @FXML private TextField accountIdField;
  @FXML private Label orderError;
  @FXML private Button orderSelectedButton;
  @FXML private Button endSelectedButton;
  @FXML private ToggleSwitch generatorSwitch;
  @FXML private Spinner<Integer> rateSpinner;
  @FXML private Label rateError;
  @FXML private TextField goalField;
  @FXML private Label goalError;
  @FXML private SegmentedButton lifetimeButtons;
  @FXML private SegmentedButton themeButtons;
  @FXML private ComboBox<String> teamChoice;
  @FXML private HBox tokenRow;
  @FXML private Label tokenTitle;
  @FXML private TextField tokenField;
  @FXML private ToggleButton revealButton;
  @FXML private Label tokenNote;

  public ControlsController(ControlsModel model, Texts texts) {
    this.model = model;
    this.texts = texts;
  }

  @FXML
  void initialize() {
    accountIdField.textProperty().bindBidirectional(model.typedIdProperty());
    showError(orderError, model.orderErrorProperty(), accountIdField);
    orderSelectedButton.disableProperty().bind(model.selectedProperty().isNull());
    endSelectedButton.disableProperty().bind(model.selectedProperty().isNull());
    generatorSwitch.selectedProperty().bindBidirectional(model.generatorOnProperty());
    IntegerSpinnerValueFactory rates =
        new IntegerSpinnerValueFactory(0, WallSettings.MAX_RATE, model.rateProperty().get(), 5);
    rates.setConverter(new RateConverter(model));
    rateSpinner.setValueFactory(rates);
    rates.valueProperty().bindBidirectional(model.rateProperty());
    showError(rateError, model.rateErrorProperty(), rateSpinner.getEditor());
    rateSpinner.getEditor().textProperty().addListener(observable -> model.clearRateError());
    goalField.textProperty().bindBidirectional(model.typedGoalProperty());
    showError(goalError, model.goalErrorProperty(), goalField);
    bindLifetime();
    bindTheme();
    bindTeam();
    bindToken();
  }

  @FXML
  void typeGoal() {
    model.typeGoal();
  }

  @FXML
  void orderTyped() {
    model.orderTyped();
  }

  @FXML
  void orderSelected() {
    model.orderSelected();
  }

  @FXML
  void endSelected() {
    model.endSelected();
  }

  @FXML
  void enterKiosk() {
    model.enterKiosk();
  }

  @FXML
  void toggleToken() {
    if (revealButton.isSelected()) {
      model.token().reveal();
    } else {
      model.token().hide();
    }
    revealButton.setSelected(model.token().revealedProperty().get()); // a refusal leaves it up
  }

  /**
   * Shows {@code error} under {@code field} and marks the field while there is one. The label keeps
   * its space when empty (see {@code controls.css}), so no control below it moves.
   */
  private static void showError(Label label, ReadOnlyStringProperty error, TextField field) {
    label.textProperty().bind(error);
    label.visibleProperty().bind(error.isNotNull());
    error.addListener(
        (observable, before, now) -> field.pseudoClassStateChanged(INVALID, now != null));
  }

  private void bindLifetime() {
    selectEach(
        lifetimeButtons, data -> Duration.parse(data).equals(model.lifetimeProperty().get()));
    for (ToggleButton button : lifetimeButtons.getButtons()) {
      button.setText(texts.duration(Duration.parse((String) button.getUserData())));
      // A lifetime longer than the history kept would make the next start refuse its own settings.
      button.setDisable(!model.canChooseLifetime(Duration.parse((String) button.getUserData())));
    }
    lifetimeButtons
        .getToggleGroup()
        .selectedToggleProperty()
        .addListener(
            (observable, before, chosen) -> {
              if (keepOneSelected(before, chosen)) {
                model.chooseLifetime(Duration.parse((String) chosen.getUserData()));
              }
            });
    model
        .lifetimeProperty()
        .addListener(
            (observable, before, now) ->
                selectEach(lifetimeButtons, data -> Duration.parse(data).equals(now)));
  }

  /**
   * The team box: "All teams", then each team seen. "All teams" is the empty text in the box, which
   * is no team's name ({@code core.AccountProfile.checkText}), and stands for the model's null.
   */
  private void bindTeam() {
    ObservableList<String> choices = FXCollections.observableArrayList(ALL_TEAMS);
    choices.addAll(model.getTeamsSeen());
    model
        .getTeamsSeen()
        .addListener(
            (ListChangeListener<String>)
                change -> {
                  String chosen = teamChoice.getValue();
                  choices.setAll(ALL_TEAMS);
                  choices.addAll(model.getTeamsSeen());
                  teamChoice.setValue(chosen); // setting the items forgets the value
                });
    teamChoice.setItems(choices);
    teamChoice.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(String team) {
            return team == null || team.equals(ALL_TEAMS) ? texts.text("controls.allTeams") : team;
          }

          @Override
          public String fromString(String text) {
            return text;
          }
        });
    teamChoice.setValue(teamOrAll(model.teamProperty().get()));
    teamChoice
        .valueProperty()
        .addListener(
            (observable, before, chosen) -> {
              if (chosen != null) {
                model.teamProperty().set(chosen.equals(ALL_TEAMS) ? null : chosen);
              }
            });
    model
        .teamProperty()
        .addListener((observable, before, now) -> teamChoice.setValue(teamOrAll(now)));
  }

  /**
   * The API's token masked, with the button that shows it whole; or a file of tokens and their
   * names; or that the operator gave it; or, without an API, nothing at all. Each part takes room
   * only while it shows.
   */
  private void bindToken() {
    ApiTokenModel token = model.token();
    shownWhile(tokenRow, token.isPresent());
    tokenTitle.setText(token.getTitle());
    tokenField.textProperty().bind(token.valueProperty());
    shownWhile(tokenField, token.valueProperty().isNotNull());
    tokenNote.textProperty().bind(token.noteProperty());
    shownWhile(tokenNote, token.noteProperty().isNotNull());
    if (token.namesProperty().get() != null) {
      // No room for a file's names in the row beside its path: they show on pointing at it.
      Tooltip names = new Tooltip();
      names.textProperty().bind(token.namesProperty());
      tokenField.setTooltip(names);
    }
    shownWhile(revealButton, token.isOneToken());
    revealButton.disableProperty().bind(token.revealableProperty().not());
    revealButton
        .textProperty()
        .bind(
            Bindings.when(token.revealedProperty())
                .then(texts.text("controls.hideToken"))
                .otherwise(texts.text("controls.showToken")));
    token
        .revealedProperty()
        .addListener(
            (observable, was, revealed) -> {
              revealButton.setSelected(revealed);
              if (revealed) {
                // The box shows only the start of a long token: selected, all of it is one copy
                // away. Selected backwards, so that the box shows the start the mask showed.
                tokenField.requestFocus();
                tokenField.selectRange(tokenField.getLength(), 0);
              }
            });
  }

  private static void shownWhile(Node node, boolean shown) {
    node.setVisible(shown);
    node.setManaged(shown);
  }

  private static void shownWhile(Node node, ObservableBooleanValue shown) {
    node.visibleProperty().bind(shown);
    node.managedProperty().bind(shown);
  }

  private static String teamOrAll(String team) {
    return team == null ? ALL_TEAMS : team;
  }

  private void bindTheme() {
    selectEach(themeButtons, data -> Theme.valueOf(data) == model.themeProperty().get());
    themeButtons
        .getToggleGroup()
        .selectedToggleProperty()
        .addListener(
            (observable, before, chosen) -> {
              if (keepOneSelected(before, chosen)) {
                model.chooseTheme(Theme.valueOf((String) chosen.getUserData()));
              }
            });
    model
        .themeProperty()
        .addListener(
            (observable, before, now) ->
                selectEach(themeButtons, data -> Theme.valueOf(data) == now));
  }

  /**
   * Selects the buttons whose user data passes; the buttons join the group only with the skin, so
   * join them here.
   */
  private static void selectEach(SegmentedButton buttons, Predicate<String> chosen) {
    for (ToggleButton button : buttons.getButtons()) {
      button.setToggleGroup(buttons.getToggleGroup());
      if (chosen.test((String) button.getUserData())) {
        button.setSelected(true);
      }
    }
  }

  /**
   * One choice is always in force: clicking the selected one keeps it. Returns whether a new one
   * was chosen.
   */
  private static boolean keepOneSelected(Toggle before, Toggle chosen) {
    if (chosen == null) {
      before.setSelected(true);
      return false;
    }
    return true;
  }

  /**
   * Hands a typed rate to the model, which takes it or says why not; a refused one keeps the rate
   * in force, so the spinner neither clamps it nor moves.
   */
  private static final class RateConverter extends StringConverter<Integer> {
    private final ControlsModel model;

    RateConverter(ControlsModel model) {
      this.model = model;
    }

    @Override
    public String toString(Integer rate) {
      return rate == null ? "" : rate.toString();
    }

    @Override
    public Integer fromString(String text) {
      return model.typeRate(text);
    }
  }
}
