package com.accountwall.ui.kiosk;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The wall unattended: full screen, without the parts meant for a person at a keyboard, and with
 * the mouse cursor hidden once it has rested for {@link #CURSOR_IDLE_NANOS}. F11 toggles it; Esc
 * leaves it, as does leaving full screen by any other means. The root gets the {@code :kiosk}
 * pseudo-class for the stylesheet. Idle time is measured in frames, so a test needs no timer.
 * Confined to the JavaFX thread.
 */
public final class KioskMode {
  public static final long CURSOR_IDLE_NANOS = 3_000_000_000L;
  private static final PseudoClass KIOSK = PseudoClass.getPseudoClass("kiosk");

  private final BooleanProperty kiosk = new SimpleBooleanProperty(this, "kiosk");
  private final Parent root;
  private final Node[] attended;
  private long lastFrame;
  private long lastMove;

  /** Where the window was before kiosk mode, to go back to. */
  private Rectangle2D windowed;

  /**
   * @param attended what only a person at the wall needs: hidden in kiosk mode
   */
  public KioskMode(Parent root, Node... attended) {
    this.root = root;
    this.attended = attended;
    kiosk.addListener((observable, was, on) -> apply(on));
    root.sceneProperty()
        .addListener(
            (observable, before, scene) -> {
              if (scene != null) {
                install(scene);
              }
            });
  }

  public BooleanProperty kioskProperty() {
    return kiosk;
  }

  /** Hides the cursor once it has rested long enough; call once per frame. */
  public void onFrame(long frameNanos) {
    lastFrame = frameNanos;
    Scene scene = root.getScene();
    if (kiosk.get()
        && scene != null
        && scene.getCursor() != Cursor.NONE
        && frameNanos - lastMove >= CURSOR_IDLE_NANOS) {
      scene.setCursor(Cursor.NONE);
    }
  }

  private void install(Scene scene) {
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        key -> {
          if (key.getCode() == KeyCode.F11) {
            kiosk.set(!kiosk.get());
            key.consume();
          } else if (key.getCode() == KeyCode.ESCAPE && kiosk.get()) {
            kiosk.set(false);
            key.consume();
          }
        });
    scene.addEventFilter(
        MouseEvent.MOUSE_MOVED,
        move -> {
          lastMove = lastFrame;
          if (scene.getCursor() == Cursor.NONE) {
            scene.setCursor(null);
          }
        });
    scene
        .windowProperty()
        .addListener(
            (observable, before, window) -> {
              if (window instanceof Stage stage) {
                stage.setFullScreenExitHint("");
                stage.setFullScreenExitKeyCombination(new KeyCodeCombination(KeyCode.ESCAPE));
                stage
                    .fullScreenProperty()
                    .addListener(
                        (property, was, full) -> {
                          if (was && !full) {
                            kiosk.set(false);
                          }
                        });
                // Where the window opens is known once it is shown; kiosk mode from the start waits
                // for that.
                stage.addEventHandler(WindowEvent.WINDOW_SHOWN, shown -> apply(kiosk.get()));
              }
            });
    apply(kiosk.get());
  }

  private void apply(boolean on) {
    for (Node node : attended) {
      node.setVisible(!on);
      node.setManaged(!on);
    }
    root.pseudoClassStateChanged(KIOSK, on);
    lastMove = lastFrame;
    Scene scene = root.getScene();
    if (scene == null) {
      return;
    }
    if (!on) {
      scene.setCursor(null);
    }
    if (scene.getWindow() instanceof Stage stage && stage.isShowing()) {
      fillScreen(stage, on);
      stage.setFullScreen(on);
    }
  }

  /**
   * Covers the stage's screen, or gives the window its place back. Full screen alone is not enough:
   * without a window manager (a bare X server behind a wall) it does not resize the window.
   */
  private void fillScreen(Stage stage, boolean on) {
    if (on && windowed == null) {
      windowed = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
      List<Screen> screens = Screen.getScreensForRectangle(windowed);
      Rectangle2D bounds = (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getBounds();
      stage.setX(bounds.getMinX());
      stage.setY(bounds.getMinY());
      stage.setWidth(bounds.getWidth());
      stage.setHeight(bounds.getHeight());
    } else if (!on && windowed != null) {
      stage.setX(windowed.getMinX());
      stage.setY(windowed.getMinY());
      stage.setWidth(windowed.getWidth());
      stage.setHeight(windowed.getHeight());
      windowed = null;
    }
  }
}
