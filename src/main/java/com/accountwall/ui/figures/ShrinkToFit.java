package com.accountwall.ui.figures;

import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Holds one node and scales it down, never up, to the width it is given, so that a figure too long
 * for its tile shows whole and smaller instead of cut off with an ellipsis. The node keeps the size
 * and font the stylesheet gives it; only its drawing shrinks, from its bottom-left corner, so it
 * keeps its left edge and its baseline, and the tile keeps its height.
 *
 * <p>It shrinks to {@link #SMALLEST} of its size at most: what does not fit even then (a very long
 * name) is given the width there is and cuts itself off as it would without this. Confined to the
 * JavaFX thread.
 */
final class ShrinkToFit extends Region {
  /** Below half its size a figure no longer reads from across the room. */
  static final double SMALLEST = 0.5;

  private final Node content;
  private final Scale scale = new Scale();

  ShrinkToFit(Node content) {
    this.content = content;
    content.getTransforms().add(scale);
    getChildren().add(content);
    // It takes any width, however narrow: the content shrinks to it.
    setMinWidth(0);
  }

  @Override
  protected double computePrefWidth(double height) {
    return snappedLeftInset() + content.prefWidth(-1) + snappedRightInset();
  }

  @Override
  protected double computePrefHeight(double width) {
    return snappedTopInset() + content.prefHeight(-1) + snappedBottomInset();
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  protected void layoutChildren() {
    double available = getWidth() - snappedLeftInset() - snappedRightInset();
    double natural = content.prefWidth(-1);
    double height = content.prefHeight(-1);
    double factor = natural > available ? Math.max(SMALLEST, Math.max(available, 0) / natural) : 1;
    content.resizeRelocate(
        snappedLeftInset(), snappedTopInset(), Math.min(natural, available / factor), height);
    scale.setPivotY(height);
    scale.setX(factor);
    scale.setY(factor);
  }
}
