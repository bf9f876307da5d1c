package com.accountwall.ui.table;

import com.accountwall.core.Account;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One live account as the table shows it. Its values are copied from the core's {@link Account} by
 * {@link TableModel} on the JavaFX thread, which also animates {@link #opacityProperty()} and the
 * highlight flags through {@link RowAnimations}; the table's cells, the figures and the leaderboard
 * only observe. Confined to the JavaFX thread.
 */
public final class AccountRow {
  private final Account account;
  private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
  private final ReadOnlyStringWrapper team = new ReadOnlyStringWrapper(this, "team", "");
  private final ReadOnlyLongWrapper widgetsSold = new ReadOnlyLongWrapper(this, "widgetsSold");
  private final ReadOnlyObjectWrapper<Instant> expiresAt =
      new ReadOnlyObjectWrapper<>(this, "expiresAt");
  private final ReadOnlyDoubleWrapper opacity = new ReadOnlyDoubleWrapper(this, "opacity", 1);
  private final ReadOnlyBooleanWrapper arriving = new ReadOnlyBooleanWrapper(this, "arriving");
  private final ReadOnlyBooleanWrapper bumped = new ReadOnlyBooleanWrapper(this, "bumped");
  private final ReadOnlyBooleanWrapper bigOrder = new ReadOnlyBooleanWrapper(this, "bigOrder");
  private final ReadOnlyBooleanWrapper ending = new ReadOnlyBooleanWrapper(this, "ending");

  /** Pulse times (ns) at which each animation last began; whether it runs is in its flag. */
  long arrivedAt;

  long bumpedAt;
  long bigOrderAt;
  long endingAt;

  /** Whether {@link #bumpedAt} holds a time: pulse times may be any long, 0 included. */
  boolean everBumped;

  /**
   * The row's place in {@link AccountRows}' bookkeeping, which reads it instead of the row; {@link
   * AccountRows#NOT_LISTED} while the row is not in the rows shown.
   */
  int slot = AccountRows.NOT_LISTED;

  /** Whether the account was created while the window watched: see {@link RowListener#arrived}. */
  final boolean fresh;

  AccountRow(Account account, boolean fresh) {
    this.account = account;
    this.fresh = fresh;
    refreshTeam();
    refresh();
  }

  public long getAccountId() {
    return account.id();
  }

  public ReadOnlyStringProperty nameProperty() {
    return name.getReadOnlyProperty();
  }

  public String getName() {
    return name.get();
  }

  /** The account's team, as the directory names it; empty while it has none or it is not known. */
  public ReadOnlyStringProperty teamProperty() {
    return team.getReadOnlyProperty();
  }

  public String getTeam() {
    return team.get();
  }

  public ReadOnlyLongProperty widgetsSoldProperty() {
    return widgetsSold.getReadOnlyProperty();
  }

  public long getWidgetsSold() {
    return widgetsSold.get();
  }

  /** When the account falls off the wall unless it orders again. */
  public ReadOnlyObjectProperty<Instant> expiresAtProperty() {
    return expiresAt.getReadOnlyProperty();
  }

  public Instant getExpiresAt() {
    return expiresAt.get();
  }

  /** 0 while arriving or gone, 1 while live: the row's cells show at this opacity. */
  public ReadOnlyDoubleProperty opacityProperty() {
    return opacity.getReadOnlyProperty();
  }

  /** True for a moment after the account was created. */
  public ReadOnlyBooleanProperty arrivingProperty() {
    return arriving.getReadOnlyProperty();
  }

  /**
   * True for a moment after the widget count changed, at most once every {@link
   * RowAnimations#FLASH_GAP}.
   */
  public ReadOnlyBooleanProperty bumpedProperty() {
    return bumped.getReadOnlyProperty();
  }

  /** True for a while after a big order: see {@link TableModel#setBigOrder}. */
  public ReadOnlyBooleanProperty bigOrderProperty() {
    return bigOrder.getReadOnlyProperty();
  }

  /** True once the account has ended, while the row fades out. */
  public ReadOnlyBooleanProperty endingProperty() {
    return ending.getReadOnlyProperty();
  }

  public boolean isEnding() {
    return ending.get();
  }

  Account account() {
    return account;
  }

  /** Copies the account's team; returns whether it changed. */
  boolean refreshTeam() {
    String newTeam = account.attribute();
    if (newTeam.equals(team.get())) {
      return false;
    }
    team.set(newTeam);
    return true;
  }

  /**
   * Copies the account's name, deadline and widget count (not its team: {@link #refreshTeam});
   * returns whether the widget count changed.
   */
  boolean refresh() {
    String newName = account.name();
    if (!newName.equals(name.get())) {
      name.set(newName); // a name made afresh each time is still the same name: no change to show
    }
    refreshDeadline();
    long before = widgetsSold.get();
    widgetsSold.set(account.widgetsOrdered());
    return before != widgetsSold.get();
  }

  /** Copies the account's deadline only, as when the lifetime changed. */
  void refreshDeadline() {
    expiresAt.set(account.expiresAt());
  }

  void setOpacity(double value) {
    opacity.set(value);
  }

  void setArriving(boolean value) {
    arriving.set(value);
  }

  void setBumped(boolean value) {
    bumped.set(value);
  }

  void setBigOrder(boolean value) {
    bigOrder.set(value);
  }

  void setEnding(boolean value) {
    ending.set(value);
  }

  @Override
  public String toString() {
    return "AccountRow["
        + getAccountId()
        + ", "
        + getWidgetsSold()
        + (isEnding() ? ", ending]" : "]");
  }
}
