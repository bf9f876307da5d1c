package com.accountwall.ui.controls;

import com.accountwall.core.AccountDesk;
import com.accountwall.core.AccountDetails;
import com.accountwall.display.DisplayChange;
import com.accountwall.display.DisplayState;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import com.accountwall.ui.table.AccountRow;
import com.accountwall.ui.text.Texts;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The demo controls' model: orders for a typed id or the selected row, ending the selected account,
 * the generator's switch and rate, the daily goal, the lifetime, the team shown, the theme, kiosk
 * mode and the API's token ({@link #token()}), as properties and commands. Each control says what
 * it did in {@link #statusProperty()}, the status bar's last action; orders and endings run on the
 * desk's executor and say so when they are done, or why they failed. The switch, the rate, the
 * lifetime and the team are changed through the {@link DisplayState}, which applies and remembers
 * them, and follow it ({@link #show}) when something else, such as the API, changes them. Confined
 * to the JavaFX thread.
 */
public final class ControlsModel {
  private final AccountDesk desk;
  private final Executor deskCalls;
  private final DisplayState display;
  private final Texts texts;
  private boolean showing; // while show() sets what the display has, which is no change to it
  private final ObjectProperty<AccountRow> selected = new SimpleObjectProperty<>(this, "selected");
  private final StringProperty typedId = new SimpleStringProperty(this, "typedId", "");
  private final ReadOnlyStringWrapper orderError = new ReadOnlyStringWrapper(this, "orderError");
  private final ReadOnlyStringWrapper rateError = new ReadOnlyStringWrapper(this, "rateError");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
  private final BooleanProperty generatorOn = new SimpleBooleanProperty(this, "generatorOn");
  private final ObjectProperty<Integer> rate = new SimpleObjectProperty<>(this, "rate");
  private final ReadOnlyObjectWrapper<Duration> lifetime =
      new ReadOnlyObjectWrapper<>(this, "lifetime");
  private final ObjectProperty<Theme> theme;
  private final BooleanProperty kiosk;
  private final LongProperty goal;
  private final StringProperty typedGoal = new SimpleStringProperty(this, "typedGoal", "");
  private final ReadOnlyStringWrapper goalError = new ReadOnlyStringWrapper(this, "goalError");
  private final ObjectProperty<String> team = new SimpleObjectProperty<>(this, "team");
  private final ObservableList<String> teamsSeen;
  private final ApiTokenModel token;

  /**
   * @param desk where orders and endings from the buttons go
   * @param deskCalls where they run: off the JavaFX thread in the app, since each may wait for the
   *     journal, for up to half a minute when it is down; the status comes back on the JavaFX
   *     thread
   * @param display where the switch of the simulated orders, their rate and the lifetime are
   *     changed, and what they start as
   * @param theme the window's theme, which the theme buttons choose
   * @param kiosk whether the window is in kiosk mode, which a button enters
   * @param goal the daily goal in widgets (0 for none), which the goal box sets
   * @param teamsSeen the teams to choose from
   * @param token the API's token, masked unless asked for
   * @param texts the words of the status and of the errors, and how they write numbers
   */
  public ControlsModel(
      AccountDesk desk,
      Executor deskCalls,
      DisplayState display,
      ObjectProperty<Theme> theme,
      BooleanProperty kiosk,
      LongProperty goal,
      ObservableList<String> teamsSeen,
      ApiTokenModel token,
      Texts texts) {
    this.desk = desk;
    this.deskCalls = deskCalls;
    this.display = display;
    this.theme = theme;
    this.kiosk = kiosk;
    this.goal = goal;
    this.teamsSeen = teamsSeen;
    this.token = token;
    this.texts = texts;
    status.set(texts.text("status.ready"));
    typedGoal.set(goal.get() > 0 ? Long.toString(goal.get()) : "");
    typedGoal.addListener(observable -> goalError.set(null));
    typedId.addListener(observable -> orderError.set(null));
    show(display.settings());
    generatorOn.addListener(
        (observable, wasOn, on) ->
            change(
                DisplayChange.builder().generator(on),
                on
                    ? texts.text("status.generatorSwitchedOn", texts.count(rate.get()))
                    : texts.text("status.generatorSwitchedOff")));
    rate.addListener(
        (observable, before, now) ->
            change(
                DisplayChange.builder().rate(now), texts.text("status.rateSet", texts.count(now))));
    rate.addListener(observable -> rateError.set(null));
    // The status bar is hidden in kiosk mode: what it says is read on leaving.
    kiosk.addListener(
        (observable, was, on) -> status.set(texts.text(on ? "status.kioskOn" : "status.kioskOff")));
    // Never the token itself: the status bar is read by the whole floor. Kiosk mode masks it and
    // says so itself.
    token
        .revealedProperty()
        .addListener(
            (observable, was, shown) -> {
              if (!kiosk.get()) {
                status.set(texts.text(shown ? "status.tokenShown" : "status.tokenHidden"));
              }
            });
    team.addListener(
        (observable, before, now) ->
            change(
                now == null
                    ? DisplayChange.builder().allTeams()
                    : DisplayChange.builder().team(now),
                now == null ? texts.text("status.allTeams") : texts.text("status.team", now)));
  }

  /**
   * Shows the switch of the simulated orders, their rate (in whole orders per second), the lifetime
   * and the team as {@code settings} have them, changing nothing in the display.
   */
  public void show(WallSettings settings) {
    showing = true;
    try {
      generatorOn.set(settings.generator());
      rate.set((int) settings.rate());
      lifetime.set(settings.lifetime());
      team.set(settings.team());
    } finally {
      showing = false;
    }
  }

  /**
   * Makes {@code change} and says {@code said}, unless the control only follows the display ({@link
   * #show}).
   */
  private void change(DisplayChange.Builder change, String said) {
    if (!showing) {
      var unused = display.change(change.build()); // a failed save is logged by the display
      status.set(said);
    }
  }

  /** The row the order-one-more and end-now commands act on. */
  public ObjectProperty<AccountRow> selectedProperty() {
    return selected;
  }

  /** The account id as typed, for {@link #orderTyped()}. */
  public StringProperty typedIdProperty() {
    return typedId;
  }

  /**
   * Why the typed id was refused, for the person who typed it; null while there is nothing to say.
   */
  public ReadOnlyStringProperty orderErrorProperty() {
    return orderError.getReadOnlyProperty();
  }

  /** What the last command did, or why it failed. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Whether simulated orders run. */
  public BooleanProperty generatorOnProperty() {
    return generatorOn;
  }

  /** Simulated orders per second. */
  public ObjectProperty<Integer> rateProperty() {
    return rate;
  }

  /**
   * Why the typed rate was refused, for the person who typed it; null while there is nothing to
   * say.
   */
  public ReadOnlyStringProperty rateErrorProperty() {
    return rateError.getReadOnlyProperty();
  }

  /**
   * Sets the rate to the one typed; or, if it is not a whole number from 0 to {@value
   * WallSettings#MAX_RATE}, says why and changes nothing.
   *
   * @return the rate in force afterwards
   */
  public int typeRate(String text) {
    try {
      rate.set(RateInput.parse(text, texts));
    } catch (IllegalArgumentException e) {
      rateError.set(e.getMessage());
    }
    return rate.get();
  }

  /** Forgets why the last typed rate was refused: its box is being edited again. */
  public void clearRateError() {
    rateError.set(null);
  }

  /** The daily goal in widgets; 0 for none. */
  public LongProperty goalProperty() {
    return goal;
  }

  /** The goal as typed, for {@link #typeGoal()}. */
  public StringProperty typedGoalProperty() {
    return typedGoal;
  }

  /**
   * Why the typed goal was refused, for the person who typed it; null while there is nothing to
   * say.
   */
  public ReadOnlyStringProperty goalErrorProperty() {
    return goalError.getReadOnlyProperty();
  }

  /**
   * Sets the daily goal to the one typed (none if the box is empty) and says so; or, if it is not a
   * whole number of widgets from 1 on, says why and changes nothing.
   */
  public void typeGoal() {
    long typed;
    try {
      typed = GoalInput.parse(typedGoal.get(), texts);
    } catch (IllegalArgumentException e) {
      goalError.set(e.getMessage());
      return;
    }
    goal.set(typed);
    typedGoal.set(typed > 0 ? Long.toString(typed) : "");
    status.set(
        typed > 0
            ? texts.text("status.goalSet", texts.count(typed))
            : texts.text("status.goalCleared"));
  }

  /** The one team whose accounts the wall shows; null for all teams. */
  public ObjectProperty<String> teamProperty() {
    return team;
  }

  /** The teams to choose from: each that had a live account since the window opened. */
  public ObservableList<String> getTeamsSeen() {
    return teamsSeen;
  }

  /** The lifetime last chosen; the journal applies it in its own time. */
  public ReadOnlyObjectProperty<Duration> lifetimeProperty() {
    return lifetime.getReadOnlyProperty();
  }

  public ObjectProperty<Theme> themeProperty() {
    return theme;
  }

  /** Shows the window in {@code chosen} and says so. */
  public void chooseTheme(Theme chosen) {
    if (chosen != theme.get()) {
      theme.set(chosen);
      status.set(texts.text(chosen == Theme.DARK ? "status.darkTheme" : "status.lightTheme"));
    }
  }

  public BooleanProperty kioskProperty() {
    return kiosk;
  }

  /** The API's token, masked unless asked for; its showing and masking are said in the status. */
  public ApiTokenModel token() {
    return token;
  }

  /** Enters kiosk mode; leaving it, by a key or remotely, is said in the status bar. */
  public void enterKiosk() {
    kiosk.set(true);
  }

  /**
   * Orders a widget for the typed id and clears it; or, if it is not an account id, says why and
   * orders nothing.
   */
  public void orderTyped() {
    long accountId;
    try {
      accountId = AccountIdInput.parse(typedId.get(), texts);
    } catch (IllegalArgumentException e) {
      orderError.set(e.getMessage());
      return;
    }
    order(accountId);
    typedId.set("");
  }

  /** Orders one more widget for the selected row's account, if a row is selected. */
  public void orderSelected() {
    AccountRow row = selected.get();
    if (row != null) {
      order(row.getAccountId());
    }
  }

  /** Ends the selected row's account now, if a row is selected. */
  public void endSelected() {
    AccountRow row = selected.get();
    if (row != null) {
      long accountId = row.getAccountId();
      String id = Long.toString(accountId); // as the table shows it, with no separators
      atDesk(
          () ->
              desk.end(accountId)
                  ? texts.text("status.ended", id)
                  : texts.text("status.alreadyEnded", id),
          why -> texts.text("status.endFailed", id, why));
    }
  }

  /** Whether {@code candidate} may be chosen: whether the history is kept at least that long. */
  public boolean canChooseLifetime(Duration candidate) {
    return display.canChooseLifetime(candidate);
  }

  /**
   * Chooses the lifetime of every live account, if it is not the one chosen already and {@link
   * #canChooseLifetime may be}: the journal projects its history anew under it in the background
   * and then applies it to the accounts.
   */
  public void chooseLifetime(Duration chosen) {
    if (!chosen.equals(lifetime.get()) && canChooseLifetime(chosen)) {
      change(
          DisplayChange.builder().lifetime(chosen),
          texts.text("status.lifetimeSet", texts.duration(chosen)));
      lifetime.set(chosen);
    }
  }

  private void order(long accountId) {
    atDesk(
        () -> {
          AccountDetails details = desk.order(accountId, 1).details();
          return texts.text(
              "status.ordered", details.name(), texts.count(details.widgetsOrdered()));
        },
        why -> texts.text("status.orderFailed", Long.toString(accountId), why));
  }

  /**
   * Runs {@code call} on the desk's executor and shows what it says, or, through {@code failed},
   * why it failed.
   */
  private void atDesk(Supplier<String> call, Function<String, String> failed) {
    deskCalls.execute(
        () -> {
          String said;
          try {
            said = call.get();
          } catch (RuntimeException e) {
            said = failed.apply(e.getMessage());
          }
          String shown = said;
          if (Platform.isFxApplicationThread()) {
            status.set(shown);
          } else {
            Platform.runLater(() -> status.set(shown));
          }
        });
  }
}
