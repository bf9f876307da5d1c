package com.accountwall.ui.figures;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One figure on top of the wall, as a tile: a caption, the value large, and a detail line with an
 * optional graphic (a sparkline) beside it. The stylesheet sizes and colours it through the {@code
 * kpi-tile}, {@code kpi-caption}, {@code kpi-value} and {@code kpi-detail} classes; a value too
 * long for the tile shrinks to fit it ({@link ShrinkToFit}).
 */
public final class KpiTile extends VBox {
  private final Label caption = new Label();
  private final Label value = new Label();
  private final Label detail = new Label();
  private final ShrinkToFit fittedValue = new ShrinkToFit(value);
  private final HBox valueLine = new HBox(fittedValue);
  private final ObjectProperty<Node> graphic = new SimpleObjectProperty<>(this, "graphic");

  public KpiTile() {
    getStyleClass().add("kpi-tile");
    caption.getStyleClass().add("kpi-caption");
    value.getStyleClass().add("kpi-value");
    detail.getStyleClass().add("kpi-detail");
    // A detail that says more than the tile is wide ("1,355 orders · yesterday by now 1,100 ▲ 23 %"
    // in a row of six tiles) takes a second line rather than ending in "...".
    detail.setWrapText(true);
    valueLine.getStyleClass().add("kpi-value-line");
    getChildren().addAll(caption, valueLine, detail);
    graphic.addListener(
        (observable, before, node) -> {
          valueLine.getChildren().setAll(fittedValue);
          if (node != null) {
            HBox.setHgrow(node, Priority.ALWAYS);
            valueLine.getChildren().add(node);
          }
        });
  }

  public StringProperty captionProperty() {
    return caption.textProperty();
  }

  public String getCaption() {
    return caption.getText();
  }

  public void setCaption(String text) {
    caption.setText(text);
  }

  public StringProperty valueProperty() {
    return value.textProperty();
  }

  /** The line under the value, such as the change against an hour ago. */
  public StringProperty detailProperty() {
    return detail.textProperty();
  }

  /** The detail label itself, for the pseudo-classes that colour a rise or a fall. */
  Label detailLabel() {
    return detail;
  }

  /** Shown beside the value and taking the space left, such as a {@link Sparkline}. */
  public ObjectProperty<Node> graphicProperty() {
    return graphic;
  }

  public Node getGraphic() {
    return graphic.get();
  }

  public void setGraphic(Node node) {
    graphic.set(node);
  }
}
