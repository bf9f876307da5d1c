package com.accountwall.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Sizes the wall's type to its window: the root's font size follows the scene, one 54th of its
 * height (20 px on a 1080p screen, 40 px on 4K) unless the width is the narrower constraint. Every
 * other size in the stylesheet is in {@code em}, so the whole wall scales with it and keeps its
 * proportions from 1280×720 to 3840×2160.
 */
final class FontScale {
  static final double LINES_PER_HEIGHT = 54;
  static final double EMS_PER_WIDTH = 96;

  private FontScale() {}

  /** Keeps {@code root}'s font size in step with the size of whichever scene it is in. */
  static void follow(Parent root) {
    root.sceneProperty()
        .addListener(
            (observable, before, scene) -> {
              if (scene != null) {
                scene.widthProperty().addListener(size -> apply(root, scene));
                scene.heightProperty().addListener(size -> apply(root, scene));
                apply(root, scene);
              }
            });
  }

  private static void apply(Parent root, Scene scene) {
    double size = Math.min(scene.getHeight() / LINES_PER_HEIGHT, scene.getWidth() / EMS_PER_WIDTH);
    if (size > 0) {
      // Whole pixels keep the text crisp; the stylesheet cannot see the window size, hence inline.
      root.setStyle(
          String.format(
              java.util.Locale.ROOT, "-fx-font-size: %dpx;", Math.round(Math.max(10, size))));
    }
  }
}
