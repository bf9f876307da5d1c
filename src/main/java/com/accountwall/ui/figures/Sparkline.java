package com.accountwall.ui.figures;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;

/**
 * A small line chart of a series, oldest on the left, scaled to fill the region with zero at the
 * bottom. The stylesheet colours the line ({@code .sparkline-line}) and the area under it ({@code
 * .sparkline-area}).
 */
public final class Sparkline extends Region {
  private final ObjectProperty<long[]> values =
      new SimpleObjectProperty<>(this, "values", new long[0]);
  private final Polyline line = new Polyline();
  private final Polygon area = new Polygon();

  public Sparkline() {
    getStyleClass().add("sparkline");
    line.getStyleClass().add("sparkline-line");
    area.getStyleClass().add("sparkline-area");
    line.setManaged(false);
    area.setManaged(false);
    getChildren().addAll(area, line);
    values.addListener(observable -> requestLayout());
  }

  /** The series; replace the array to redraw. */
  public ObjectProperty<long[]> valuesProperty() {
    return values;
  }

  @Override
  protected void layoutChildren() {
    long[] series = values.get();
    line.getPoints().clear();
    area.getPoints().clear();
    if (series == null || series.length < 2) {
      return;
    }
    double left = snappedLeftInset();
    double top = snappedTopInset();
    double width = getWidth() - left - snappedRightInset();
    double height = getHeight() - top - snappedBottomInset();
    long max = 1;
    for (long value : series) {
      max = Math.max(max, value);
    }
    double bottom = top + height;
    area.getPoints().addAll(left, bottom);
    for (int i = 0; i < series.length; i++) {
      double x = left + width * i / (series.length - 1);
      double y = bottom - height * series[i] / max;
      line.getPoints().addAll(x, y);
      area.getPoints().addAll(x, y);
    }
    area.getPoints().addAll(left + width, bottom);
  }

  @Override
  protected double computePrefWidth(double height) {
    return snappedLeftInset() + snappedRightInset() + 120;
  }

  @Override
  protected double computePrefHeight(double width) {
    return snappedTopInset() + snappedBottomInset() + 40;
  }
}
