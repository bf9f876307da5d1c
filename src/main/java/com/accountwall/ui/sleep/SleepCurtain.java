package com.accountwall.ui.sleep;

import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * What covers the whole window while its {@link SleepModel} sleeps: black, with the time of day in
 * small dim grey type in the middle ({@code sleep.css}, its own stylesheet, as it looks the same in
 * either theme). Laid over the wall, it hides everything, kiosk mode and the stale banner included,
 * and takes the mouse, so nothing under it is clicked in the dark. Confined to the JavaFX thread.
 */
public final class SleepCurtain extends StackPane {

  public SleepCurtain(SleepModel model) {
    setId("sleepCurtain");
    getStyleClass().add("sleep-curtain");
    getStylesheets().add(SleepCurtain.class.getResource("sleep.css").toExternalForm());
    Label clock = new Label();
    clock.setId("sleepClock");
    clock.getStyleClass().add("sleep-clock");
    clock.textProperty().bind(model.clockProperty());
    getChildren().add(clock);
    visibleProperty().bind(model.asleepProperty());
  }
}
