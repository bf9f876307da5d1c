package com.accountwall;

import com.accountwall.ui.WallView;
import com.accountwall.ui.WallViewModel;
import java.io.IOException;
import java.time.Clock;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The wall's window over a running {@link Wall}; closing the window stops the wall. */
public final class AccountWallApp extends Application {
  /** Handed over by {@link #show}, as JavaFX makes the instance itself. */
  private static volatile Wall running;

  private WallViewModel view;

  /** Opens the window on {@code wall} and returns when it is closed, with the wall stopped. */
  static void show(Wall wall) {
    running = wall;
    Application.launch(AccountWallApp.class);
  }

  @Override
  public void start(Stage stage) throws IOException {
    Wall wall = running;
    view = new WallViewModel(wall.supervisor(), Clock.systemUTC());
    stage.setTitle("Account Wall");
    stage.getIcons().add(new Image(AccountWallApp.class.getResource("icon.png").toExternalForm()));
    stage.setScene(new Scene(
        WallView.load(view, wall.supervisor(), wall.supervisor(), wall.generator(), wall.endpoint()), 1600, 900));
    stage.setMinWidth(1100);
    stage.setMinHeight(600);
    stage.show();
    view.start();
  }

  @Override
  public void stop() {
    view.stop();
    running.close();
  }
}
