package com.accountwall.ui.celebrate;

import javafx.animation.FadeTransition;
import javafx.animation.ParallelTransition;
import javafx.animation.TranslateTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.CacheHint;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The band across the middle of the wall that shows its {@link CelebrationModel}'s current
 * celebration: the name in large type and the figure under it, sliding and fading in as one starts
 * and out as it ends, styled by {@code celebrate.css} (its own stylesheet, as it lies over the wall
 * and looks the same in either theme; {@code :goal} for the goal). It covers the table only while
 * it shows and never takes the mouse. Confined to the JavaFX thread.
 */
public final class CelebrationBanner extends VBox {
  private static final PseudoClass GOAL = PseudoClass.getPseudoClass("goal");
  private static final Duration IN = Duration.millis(450);
  private static final Duration OUT = Duration.millis(300);

  private final Label name = new Label();
  private final Label figure = new Label();
  private final Label skipped = new Label();
  private final FadeTransition fade = new FadeTransition();
  private final TranslateTransition slide = new TranslateTransition();
  private final ParallelTransition motion = new ParallelTransition(this, fade, slide);

  public CelebrationBanner(CelebrationModel model) {
    setId("celebrationBanner");
    getStyleClass().add("celebration-banner");
    getStylesheets().add(CelebrationBanner.class.getResource("celebrate.css").toExternalForm());
    setAlignment(Pos.CENTER);
    setMouseTransparent(true);
    // Drawn once per celebration, shadow and all, then only moved and blended: the rows under it
    // change every frame, and software rendering would otherwise blur its shadow again each time.
    setCache(true);
    setCacheHint(CacheHint.SPEED);
    setMaxHeight(USE_PREF_SIZE);
    setMaxWidth(Double.MAX_VALUE);
    name.setId("celebrationName");
    name.getStyleClass().add("celebration-name");
    figure.setId("celebrationFigure");
    figure.getStyleClass().add("celebration-figure");
    skipped.getStyleClass().add("celebration-skipped");
    skipped.managedProperty().bind(skipped.visibleProperty());
    getChildren().addAll(name, figure, skipped);
    setVisible(false);
    model.currentProperty().addListener((observable, before, now) -> show(now, model));
  }

  private void show(Celebration celebration, CelebrationModel model) {
    motion.stop();
    if (celebration == null) {
      fade.setDuration(OUT);
      fade.setToValue(0);
      slide.setDuration(OUT);
      slide.setToY(-getHeight());
      motion.setOnFinished(finished -> setVisible(false));
      motion.playFromStart();
      return;
    }
    name.setText(celebration.name());
    figure.setText(celebration.figure());
    int dropped = model.skippedProperty().get();
    skipped.setText(
        dropped > 0 ? model.texts().text("celebration.skipped", model.texts().count(dropped)) : "");
    skipped.setVisible(dropped > 0);
    pseudoClassStateChanged(GOAL, celebration.kind() == Celebration.Kind.GOAL_REACHED);
    setOpacity(0);
    setTranslateY(-Math.max(getHeight(), 1));
    setVisible(true);
    fade.setDuration(IN);
    fade.setToValue(1);
    slide.setDuration(IN);
    slide.setToY(0);
    motion.setOnFinished(null);
    motion.playFromStart();
  }
}
