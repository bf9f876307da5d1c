package com.accountwall.ui;

import com.accountwall.api.ApiEndpoint;
import com.accountwall.core.AccountDesk;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.generator.OrderGenerator;
import java.io.IOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Builds the wall's view from {@code wall.fxml} and {@code wall.css}. */
public final class WallView {
  private WallView() {}

  /**
   * @param api where the order API answers, for the status bar; null when there is none
   */
  public static Parent load(
      WallViewModel wall, AccountDesk orders, AccountSupervisor supervisor, OrderGenerator generator, ApiEndpoint api)
      throws IOException {
    FXMLLoader loader = new FXMLLoader(WallView.class.getResource("wall.fxml"));
    loader.setControllerFactory(type -> new WallController(wall, orders, supervisor, generator, api));
    Parent root = loader.load();
    root.getStylesheets().add(WallView.class.getResource("wall.css").toExternalForm());
    return root;
  }
}
