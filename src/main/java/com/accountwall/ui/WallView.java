package com.accountwall.ui;

import com.accountwall.ui.controls.ControlsController;
import java.io.IOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Builds the wall's window over a {@link WallModel} from {@code wall.fxml}, with the demo controls
 * from {@code controls/controls.fxml}, its type scaled to the window ({@link FontScale}).
 */
public final class WallView {
  private WallView() {}

  /** The window's content, showing {@code model}. */
  public static Parent load(WallModel model) throws IOException {
    FXMLLoader loader = new FXMLLoader(WallView.class.getResource("wall.fxml"));
    loader.setControllerFactory(
        type ->
            type == ControlsController.class
                ? new ControlsController(model.controls())
                : new WallController(model));
    Parent root = loader.load();
    FontScale.follow(root);
    return root;
  }
}
