package com.accountwall.ui.table;

import com.accountwall.core.Account;
import com.accountwall.core.AccountProfile;
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
 *
 * <p>Each value lives in a field; its property is made only when first asked for (by a cell that
 * shows the row, mostly), and from then on follows the field. A table of a hundred thousand rows
 * shows a few dozen, and under load a frame copies thousands of accounts: so a copy touches the row
 * alone, not a property object per value, and tells no one when no one watches.
 */
public final class AccountRow {
  private final Account account;

  private AccountProfile copiedProfile; // the account's profile when its name and team were copied
  private boolean profileCopied;
  private String name;
  private String team = "";
  private long widgetsSold;
  private Instant expiresAt;
  private long expiresAtMillis;
  private double opacity = 1;
  private boolean arriving;
  private boolean bumped;
  private boolean bigOrder;
  private boolean ending;

  private ReadOnlyStringWrapper nameProperty;
  private ReadOnlyStringWrapper teamProperty;
  private ReadOnlyLongWrapper widgetsSoldProperty;
  private ReadOnlyObjectWrapper<Instant> expiresAtProperty;
  private ReadOnlyDoubleWrapper opacityProperty;
  private ReadOnlyBooleanWrapper arrivingProperty;
  private ReadOnlyBooleanWrapper bumpedProperty;
  private ReadOnlyBooleanWrapper bigOrderProperty;
  private ReadOnlyBooleanWrapper endingProperty;

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
    if (nameProperty == null) {
      nameProperty = new ReadOnlyStringWrapper(this, "name", name);
    }
    return nameProperty.getReadOnlyProperty();
  }

  public String getName() {
    return name;
  }

  /** The account's team, as the directory names it; empty while it has none or it is not known. */
  public ReadOnlyStringProperty teamProperty() {
    if (teamProperty == null) {
      teamProperty = new ReadOnlyStringWrapper(this, "team", team);
    }
    return teamProperty.getReadOnlyProperty();
  }

  public String getTeam() {
    return team;
  }

  public ReadOnlyLongProperty widgetsSoldProperty() {
    if (widgetsSoldProperty == null) {
      widgetsSoldProperty = new ReadOnlyLongWrapper(this, "widgetsSold", widgetsSold);
    }
    return widgetsSoldProperty.getReadOnlyProperty();
  }

  public long getWidgetsSold() {
    return widgetsSold;
  }

  /** When the account falls off the wall unless it orders again. */
  public ReadOnlyObjectProperty<Instant> expiresAtProperty() {
    if (expiresAtProperty == null) {
      expiresAtProperty = new ReadOnlyObjectWrapper<>(this, "expiresAt", expiresAt);
    }
    return expiresAtProperty.getReadOnlyProperty();
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  /** 0 while arriving or gone, 1 while live: the row's cells show at this opacity. */
  public ReadOnlyDoubleProperty opacityProperty() {
    if (opacityProperty == null) {
      opacityProperty = new ReadOnlyDoubleWrapper(this, "opacity", opacity);
    }
    return opacityProperty.getReadOnlyProperty();
  }

  /** True for a moment after the account was created. */
  public ReadOnlyBooleanProperty arrivingProperty() {
    if (arrivingProperty == null) {
      arrivingProperty = new ReadOnlyBooleanWrapper(this, "arriving", arriving);
    }
    return arrivingProperty.getReadOnlyProperty();
  }

  /**
   * True for a moment after the widget count changed, at most once every {@link
   * RowAnimations#FLASH_GAP}.
   */
  public ReadOnlyBooleanProperty bumpedProperty() {
    if (bumpedProperty == null) {
      bumpedProperty = new ReadOnlyBooleanWrapper(this, "bumped", bumped);
    }
    return bumpedProperty.getReadOnlyProperty();
  }

  /** True for a while after a big order: see {@link TableModel#setBigOrder}. */
  public ReadOnlyBooleanProperty bigOrderProperty() {
    if (bigOrderProperty == null) {
      bigOrderProperty = new ReadOnlyBooleanWrapper(this, "bigOrder", bigOrder);
    }
    return bigOrderProperty.getReadOnlyProperty();
  }

  /** True once the account has ended, while the row fades out. */
  public ReadOnlyBooleanProperty endingProperty() {
    if (endingProperty == null) {
      endingProperty = new ReadOnlyBooleanWrapper(this, "ending", ending);
    }
    return endingProperty.getReadOnlyProperty();
  }

  public boolean isEnding() {
    return ending;
  }

  Account account() {
    return account;
  }

  /**
   * Copies the account's team, and its name with it, if its profile changed since they were last
   * copied; returns whether the team changed.
   */
  boolean refreshTeam() {
    AccountProfile profile = account.profile();
    if (profileCopied && profile == copiedProfile) {
      return false; // the same profile, the same name and team: nothing to read or compare
    }
    profileCopied = true;
    copiedProfile = profile;
    String newName = account.name();
    if (!newName.equals(name)) {
      name = newName;
      if (nameProperty != null) {
        nameProperty.set(newName);
      }
    }
    String newTeam = account.attribute();
    if (newTeam.equals(team)) {
      return false;
    }
    team = newTeam;
    if (teamProperty != null) {
      teamProperty.set(newTeam);
    }
    return true;
  }

  /**
   * Copies the account's deadline and widget count (not its name and team: {@link #refreshTeam});
   * returns whether the widget count changed.
   */
  boolean refresh() {
    refreshDeadline();
    long now = account.widgetsOrdered();
    if (now == widgetsSold) {
      return false;
    }
    widgetsSold = now;
    if (widgetsSoldProperty != null) {
      widgetsSoldProperty.set(now);
    }
    return true;
  }

  /** Copies the account's deadline only, as when the lifetime changed. */
  void refreshDeadline() {
    Instant now = account.expiresAt();
    long nowMillis = now.toEpochMilli();
    if (nowMillis == expiresAtMillis && expiresAt != null) {
      return; // compared by the field: reading the last Instant would cost a trip to memory
    }
    expiresAt = now;
    expiresAtMillis = nowMillis;
    if (expiresAtProperty != null) {
      expiresAtProperty.set(now);
    }
  }

  void setOpacity(double value) {
    opacity = value;
    if (opacityProperty != null) {
      opacityProperty.set(value);
    }
  }

  void setArriving(boolean value) {
    arriving = value;
    if (arrivingProperty != null) {
      arrivingProperty.set(value);
    }
  }

  void setBumped(boolean value) {
    bumped = value;
    if (bumpedProperty != null) {
      bumpedProperty.set(value);
    }
  }

  void setBigOrder(boolean value) {
    bigOrder = value;
    if (bigOrderProperty != null) {
      bigOrderProperty.set(value);
    }
  }

  void setEnding(boolean value) {
    ending = value;
    if (endingProperty != null) {
      endingProperty.set(value);
    }
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
