package com.accountwall.ui.stale;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;

/**
 * The band across the top of the wall that says what its {@link StaleModel} says, in type large
 * enough to read across the room: amber for no orders ({@code :no-orders}), vermillion for a
 * problem ({@code :problem}), styled by {@code stale.css}. It takes room in the layout only while
 * it shows, so it pushes the wall down by its own height rather than covering rows. Confined to the
 * JavaFX thread.
 */
public final class StaleBanner extends Label {
  private static final PseudoClass NO_ORDERS = PseudoClass.getPseudoClass("no-orders");
  private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

  public StaleBanner(StaleModel model) {
    setId("staleBanner");
    getStyleClass().add("stale-banner");
    setWrapText(true);
    setMaxWidth(Double.MAX_VALUE);
    textProperty().bind(model.textProperty());
    visibleProperty().bind(model.shownProperty());
    managedProperty().bind(visibleProperty());
    model.causeProperty().addListener((observable, before, now) -> showCause(now));
    showCause(model.causeProperty().get());
  }

  private void showCause(StaleModel.Cause cause) {
    pseudoClassStateChanged(NO_ORDERS, cause == StaleModel.Cause.NO_ORDERS);
    pseudoClassStateChanged(PROBLEM, cause == StaleModel.Cause.PROBLEM);
  }
}
