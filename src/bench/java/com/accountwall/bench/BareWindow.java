package com.accountwall.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The peer of the wall's start in {@code scripts/first-frame}: a bare JavaFX window of the wall's
 * size with one label, from the same JavaFX jars, which logs {@code first frame N ms after the JVM
 * started} as the wall does (after its first layout pulse) and then stays open until it is ended.
 * What the wall takes beyond it is the wall's own; what it takes itself, no JavaFX window can go
 * below on that machine. Its arguments are ignored (the script passes the wall's).
 */
public final class BareWindow {
  private BareWindow() {}

  public static void main(String[] args) {
    Platform.startup(
        () -> {
          Scene scene = new Scene(new Label("Account Wall"), 1600, 900);
          Runnable[] once = new Runnable[1];
          once[0] =
              () -> {
                scene.removePostLayoutPulseListener(once[0]);
                long sinceJvmStart =
                    System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("first frame " + sinceJvmStart + " ms after the JVM started");
                System.out.flush();
              };
          scene.addPostLayoutPulseListener(once[0]);
          Stage stage = new Stage();
          stage.setScene(scene);
          stage.show();
        });
  }
}
