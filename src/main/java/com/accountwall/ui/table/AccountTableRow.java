package com.accountwall.ui.table;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;

/**
 * A table row that shows its {@link AccountRow}'s animation: it takes the row's opacity and turns
 * its arriving, bumped, big-order and ending flags into the pseudo-classes the stylesheet colours.
 */
final class AccountTableRow extends TableRow<AccountRow> {
  private static final PseudoClass ARRIVING = PseudoClass.getPseudoClass("arriving");
  private static final PseudoClass BUMPED = PseudoClass.getPseudoClass("bumped");
  private static final PseudoClass BIG_ORDER = PseudoClass.getPseudoClass("big-order");
  private static final PseudoClass ENDING = PseudoClass.getPseudoClass("ending");

  private final InvalidationListener flagsChanged = observable -> showFlags();
  private final WeakInvalidationListener weakFlagsChanged =
      new WeakInvalidationListener(flagsChanged);
  private AccountRow shown;

  @Override
  protected void updateItem(AccountRow row, boolean empty) {
    super.updateItem(row, empty);
    AccountRow next = empty ? null : row;
    if (next == shown) {
      return;
    }
    if (shown != null) {
      opacityProperty().unbind();
      shown.arrivingProperty().removeListener(weakFlagsChanged);
      shown.bumpedProperty().removeListener(weakFlagsChanged);
      shown.bigOrderProperty().removeListener(weakFlagsChanged);
      shown.endingProperty().removeListener(weakFlagsChanged);
    }
    shown = next;
    if (shown == null) {
      setOpacity(1);
    } else {
      opacityProperty().bind(shown.opacityProperty());
      shown.arrivingProperty().addListener(weakFlagsChanged);
      shown.bumpedProperty().addListener(weakFlagsChanged);
      shown.bigOrderProperty().addListener(weakFlagsChanged);
      shown.endingProperty().addListener(weakFlagsChanged);
    }
    showFlags();
  }

  private void showFlags() {
    pseudoClassStateChanged(ARRIVING, shown != null && shown.arrivingProperty().get());
    pseudoClassStateChanged(BUMPED, shown != null && shown.bumpedProperty().get());
    pseudoClassStateChanged(BIG_ORDER, shown != null && shown.bigOrderProperty().get());
    pseudoClassStateChanged(ENDING, shown != null && shown.isEnding());
  }
}
