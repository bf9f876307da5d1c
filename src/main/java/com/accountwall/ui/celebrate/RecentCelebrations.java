package com.accountwall.ui.celebrate;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The last few celebrations under the Top 10, the latest first, one line each ("12:04 Northwind
 * Traders ordered 5,000"), wrapped where it is longer than the column is wide; hidden until there
 * is one. Follows its model's {@link CelebrationModel#getRecent()}; styled by {@code
 * celebrate.css}. Confined to the JavaFX thread.
 */
public final class RecentCelebrations extends VBox {
  private final CelebrationModel model;
  private final VBox lines = new VBox();

  public RecentCelebrations(CelebrationModel model) {
    this.model = model;
    setId("recentCelebrations");
    getStyleClass().add("recent-celebrations");
    getStylesheets().add(RecentCelebrations.class.getResource("celebrate.css").toExternalForm());
    Label title = new Label(model.texts().text("celebrations.title"));
    title.getStyleClass().add("recent-celebrations-title");
    lines.getStyleClass().add("recent-celebrations-lines");
    getChildren().addAll(title, lines);
    managedProperty().bind(visibleProperty());
    model.getRecent().addListener((ListChangeListener<Celebration>) change -> show());
    show();
  }

  private void show() {
    lines.getChildren().clear();
    for (Celebration celebration : model.getRecent()) {
      Label line = new Label(celebration.line(model.zone(), model.texts()));
      line.getStyleClass().add("recent-celebration");
      lines.getChildren().add(line);
    }
    setVisible(!model.getRecent().isEmpty());
  }
}
