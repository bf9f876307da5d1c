package com.accountwall;

import com.accountwall.core.DaemonThreads;
import com.accountwall.settings.WallSettings;
import com.accountwall.ui.WallModel;
import com.accountwall.ui.WallView;
import com.accountwall.ui.celebrate.CelebrationChimes;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The wall's window over a running {@link Wall}, on the screen the settings name; closing the
 * window stops the wall. The window shows and changes the wall's {@link
 * com.accountwall.display.DisplayState}, which remembers the settings off the JavaFX thread.
 *
 * <p>JavaFX starts ({@link #startJavaFx}) while the wall reads its data, rather than after it: at a
 * start each took a good part of the time to the first frame (about 1 s of CPU each, under load),
 * and with a second core free the two overlap.
 *
 * <p>Thread safety: {@link #startJavaFx} and {@link #show} from the launcher's thread, once each;
 * the rest runs on the JavaFX thread.
 */
public final class AccountWallApp {
  private static final System.Logger LOG = System.getLogger(AccountWallApp.class.getName());

  /** How long a shutdown signal waits for the window to close before the JVM exits anyway. */
  private static final int SIGNAL_CLOSE_SECONDS = 5;

  private final Wall running;
  private final WallConfig config;

  /**
   * The window's orders and endings, and its reads of the order history, one at a time, so that a
   * click never waits on the journal.
   */
  private final ExecutorService deskCalls =
      Executors.newSingleThreadExecutor(DaemonThreads.named("window-orders"));

  private WallModel view;

  private AccountWallApp(Wall wall, WallConfig config) {
    this.running = wall;
    this.config = config;
  }

  /**
   * Starts JavaFX in the background and returns at once; the future completes once it has started,
   * or fails as JavaFX did (no display, say). Once per process.
   */
  static CompletableFuture<Void> startJavaFx() {
    CompletableFuture<Void> started = new CompletableFuture<>();
    Thread starter =
        DaemonThreads.named("javafx-start")
            .newThread(
                () -> {
                  try {
                    Platform.startup(() -> started.complete(null));
                  } catch (RuntimeException | Error e) {
                    started.completeExceptionally(e);
                  }
                });
    starter.start();
    return started;
  }

  /**
   * Opens the window on {@code wall} once JavaFX has {@code started}, and returns when it is
   * closed, with the wall stopped.
   *
   * @param started from {@link #startJavaFx}
   * @param beforeSignalExit takes what a shutdown signal is to do before the JVM exits ({@link
   *     Lifecycle#beforeSignalExit}): while the window is open, close it
   * @throws java.util.concurrent.CompletionException if JavaFX failed to start
   * @throws IllegalStateException if the window could not be made (the wall is stopped then too),
   *     so that the process ends rather than wait for a window that never shows
   */
  static void show(
      CompletableFuture<Void> started,
      Wall wall,
      WallConfig config,
      Consumer<Runnable> beforeSignalExit)
      throws InterruptedException {
    started.join();
    AccountWallApp app = new AccountWallApp(wall, config);
    CompletableFuture<Void> closed = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          Stage stage = new Stage();
          stage.setOnHidden(
              hidden -> {
                beforeSignalExit.accept(() -> {});
                app.stop();
                closed.complete(null);
              });
          beforeSignalExit.accept(() -> closeAndWait(stage));
          try {
            app.start(stage);
          } catch (IOException | RuntimeException e) {
            stage.setOnHidden(null);
            stage.hide();
            app.stop();
            closed.completeExceptionally(e);
          }
        });
    try {
      closed.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot open the window: " + e.getCause(), e.getCause());
    }
  }

  private void start(Stage stage) throws IOException {
    Wall wall = running;
    stage.getIcons().add(new Image(AccountWallApp.class.getResource("icon.png").toExternalForm()));
    WallSettings settings = wall.display().settings();
    // What is in force now, options included, is what the next start finds; a failure is logged.
    var unused = wall.display().remember();
    view =
        WallModel.builder(wall.supervisor(), wall.clock(), wall.generator())
            .journal(wall.orders())
            .widgetsAtStart(wall.widgetsAtStart())
            .api(wall.endpoint())
            .display(wall.display())
            .staleAfter(config.staleAfter())
            .day(config.day())
            .burnInShift(config.burnInShift())
            .bigOrder(config.bigOrder())
            .locale(config.locale())
            .deskCalls(deskCalls)
            .build();
    stage.setTitle(view.texts().text("wall.title"));
    // The model's frames are the window's pulses: its frame hook measures them, no second timer.
    view.addFrameListener(wall.metrics().followWindow()::pulse);
    if (config.sound()) {
      playChimes(view);
    }
    Rectangle2D screen = screen(settings.screen()).getVisualBounds();
    stage.setScene(
        new Scene(
            WallView.load(view),
            Math.min(1600, screen.getWidth()),
            Math.min(900, screen.getHeight())));
    stage.setX(
        screen.getMinX() + Math.max(0, (screen.getWidth() - stage.getScene().getWidth()) / 2));
    stage.setY(
        screen.getMinY() + Math.max(0, (screen.getHeight() - stage.getScene().getHeight()) / 2));
    stage.setMinWidth(1024);
    stage.setMinHeight(600);
    logFirstFrame(stage.getScene());
    stage.show();
    view.start();
  }

  /**
   * Closes {@code stage} on the JavaFX thread as its close box would, and waits until it has, for
   * at most {@value #SIGNAL_CLOSE_SECONDS} s: a JavaFX thread that hangs must not keep a shutdown
   * signal from ending the JVM. JavaFX does not begin its own exit when the window goes: that exit
   * runs on its thread, beside the {@code System.exit} the signal is about to make, and failed with
   * "Shutdown in progress" when it came second; the JVM's exit stops JavaFX through its shutdown
   * hook instead.
   */
  private static void closeAndWait(Stage stage) {
    CountDownLatch hidden = new CountDownLatch(1);
    try {
      Platform.runLater(
          () -> {
            try {
              Platform.setImplicitExit(false);
              stage.hide();
            } finally {
              hidden.countDown();
            }
          });
      if (!hidden.await(SIGNAL_CLOSE_SECONDS, TimeUnit.SECONDS)) {
        LOG.log(Level.WARNING, "the window did not close within {0} s", SIGNAL_CLOSE_SECONDS);
      }
    } catch (IllegalStateException e) {
      LOG.log(Level.DEBUG, "JavaFX has exited already: {0}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Plays the celebrations' chimes; where sound cannot play, says so and runs silent. */
  private static void playChimes(WallModel view) {
    try {
      CelebrationChimes.follow(view.celebrations(), view.sleep().asleepProperty());
    } catch (IllegalStateException e) {
      LOG.log(Level.WARNING, "--sound: {0}; the wall runs without it", e.getMessage());
    }
  }

  /** Screen {@code index}, or the primary screen if there are not that many. */
  private static Screen screen(int index) {
    List<Screen> screens = Screen.getScreens();
    if (index < screens.size()) {
      return screens.get(index);
    }
    LOG.log(
        Level.WARNING,
        "there is no screen {0} (screens 0 to {1}); opening on the primary screen",
        index,
        screens.size() - 1);
    return Screen.getPrimary();
  }

  /** Says, once, how long after the JVM started the window drew its first frame. */
  private static void logFirstFrame(Scene scene) {
    Runnable[] once = new Runnable[1];
    once[0] =
        () -> {
          scene.removePostLayoutPulseListener(once[0]);
          long sinceJvmStart =
              System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
          LOG.log(Level.INFO, "first frame {0} ms after the JVM started", sinceJvmStart);
        };
    scene.addPostLayoutPulseListener(once[0]);
  }

  private void stop() {
    if (view != null) {
      view.stop();
    }
    deskCalls.shutdown();
    running.close(); // which finishes the last save of the settings
  }
}
