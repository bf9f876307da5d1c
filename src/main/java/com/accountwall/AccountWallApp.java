package com.accountwall;

import com.accountwall.ui.WallView;
import com.accountwall.ui.WallViewModel;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The wall's window over a running {@link Wall}; closing the window stops the wall. */
public final class AccountWallApp extends Application {
  private static final System.Logger LOG = System.getLogger(AccountWallApp.class.getName());

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
    view = new WallViewModel(wall.supervisor(), wall.clock());
    stage.setTitle("Account Wall");
    stage.getIcons().add(new Image(AccountWallApp.class.getResource("icon.png").toExternalForm()));
    stage.setScene(new Scene(
        WallView.load(view, wall.desk(), wall.supervisor(), wall.generator(), wall.endpoint()), 1600, 900));
    stage.setMinWidth(1100);
    stage.setMinHeight(600);
    logFirstFrame(stage.getScene());
    stage.show();
    view.start();
  }

  /** Says, once, how long after the JVM started the window drew its first frame. */
  private static void logFirstFrame(Scene scene) {
    Runnable[] once = new Runnable[1];
    once[0] = () -> {
      scene.removePostLayoutPulseListener(once[0]);
      long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
      LOG.log(Level.INFO, "first frame {0} ms after the JVM started", sinceJvmStart);
    };
    scene.addPostLayoutPulseListener(once[0]);
  }

  @Override
  public void stop() {
    view.stop();
    running.close();
  }
}
