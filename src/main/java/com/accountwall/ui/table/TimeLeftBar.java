package com.accountwall.ui.table;

import javafx.css.PseudoClass;
import javafx.scene.layout.Region;

/**
 * How much of its lifetime an account has left, as a bar that empties. Below a third it turns
 * {@code :low} and below a tenth {@code :critical}, which the stylesheet colours; the length says
 * the same, so no one needs to tell the colours apart.
 */
final class TimeLeftBar extends Region {
  private static final PseudoClass LOW = PseudoClass.getPseudoClass("low");
  private static final PseudoClass CRITICAL = PseudoClass.getPseudoClass("critical");

  private final Region fill = new Region();
  private double fraction = 1;

  TimeLeftBar() {
    getStyleClass().add("time-left-bar");
    fill.getStyleClass().add("time-left-fill");
    fill.setManaged(false);
    getChildren().add(fill);
  }

  /** The part of the lifetime left, from 0 to 1. */
  void setFraction(double value) {
    double clamped = Math.max(0, Math.min(1, value));
    if (clamped != fraction) {
      fraction = clamped;
      requestLayout();
    }
    pseudoClassStateChanged(LOW, fraction < 1.0 / 3);
    pseudoClassStateChanged(CRITICAL, fraction < 0.1);
  }

  @Override
  protected void layoutChildren() {
    double left = snappedLeftInset();
    double top = snappedTopInset();
    double width = getWidth() - left - snappedRightInset();
    double height = getHeight() - top - snappedBottomInset();
    fill.resizeRelocate(left, top, (double) Math.round(width * fraction), height);
  }
}
