package com.accountwall.ui;

import com.accountwall.core.AccountProfile;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Regenerates the README's screenshots in {@code assets/}: the wall after 75 minutes of generated
 * orders, drawn on Monocle's headless screen at 1920×1080, in kiosk mode in both themes and as a
 * window with the demo controls. The time is simulated with a clock moved by hand and one frame per
 * second, so it takes seconds and comes out the same each time.
 *
 * <pre>mvn -q -Pscreenshots test-compile exec:exec</pre>
 */
public final class Screenshots {
  private static final int WIDTH = 1920;
  private static final int HEIGHT = 1080;
  private static final String[] FIRST = {
    "Northwind",
    "Contoso",
    "Fabrikam",
    "Tailspin",
    "Litware",
    "Adventure",
    "Proseware",
    "Woodgrove",
    "Alpine",
    "Blue Yonder",
    "Coho",
    "Lucerne",
    "Margie's",
    "Trey",
    "Wingtip",
    "Fourth Coffee",
    "Humongous",
    "Wide World",
    "Graphic Design",
    "Southridge"
  };
  private static final String[] SECOND = {
    "Traders",
    "Logistics",
    "Outfitters",
    "Foods",
    "Motors",
    "Supply",
    "Labs",
    "Travel",
    "Hardware",
    "Systems",
    "Builders",
    "Retail",
    "Media",
    "Works",
    "Partners"
  };

  private Screenshots() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args.length > 0 ? args[0] : "assets");
    Files.createDirectories(folder);
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    System.setProperty("prism.lcdtext", "false");
    System.setProperty("headless.geometry", WIDTH + "x" + HEIGHT + "-32");
    System.setProperty("java.awt.headless", "true");
    Platform.startup(() -> {});
    Platform.setImplicitExit(
        false); // each shot closes its window; the next one needs the platform still
    try {
      shoot(folder.resolve("screenshot-dark.png"), Theme.DARK, true, 0);
      // A later page, where quieter accounts near their end show their orange and vermillion bars.
      shoot(folder.resolve("screenshot-light.png"), Theme.LIGHT, true, 24);
      shoot(folder.resolve("screenshot-controls.png"), Theme.DARK, false, 0);
    } finally {
      Platform.exit();
    }
  }

  private static final String[] TEAMS = {"North", "South", "East", "West"};

  /** The floor's daily goal: within reach at 14:00, so the tile shows its progress and pace. */
  private static final long GOAL = 40_000;

  private static void shoot(Path file, Theme theme, boolean kiosk, int pageTurns) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            write(drawWall(theme, kiosk, pageTurns), file);
            done.complete(null);
          } catch (Throwable e) {
            done.completeExceptionally(e);
          }
        });
    done.get();
    System.out.println("wrote " + file);
  }

  private static WritableImage drawWall(Theme theme, boolean kiosk, int pageTurns)
      throws IOException {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T14:00:00Z"));
    AccountSupervisor supervisor =
        AccountSupervisor.builder()
            .clock(clock)
            .lifetime(Duration.ofMinutes(10))
            .directory(id -> Optional.of(new AccountProfile(name(id), TEAMS[(int) (id % 4)])))
            .build();
    try (OrderGenerator generator = OrderGenerator.builder(supervisor).rate(6).seed(1).build()) {
      WallSettings settings = new WallSettings(theme, 6, supervisor.lifetime(), 10, 0, GOAL);
      WallModel wall =
          WallModel.builder(supervisor, clock, generator)
              .display(TestDisplays.of(settings, generator, supervisor).build())
              .bigOrder(5)
              .build();
      Parent root = WallView.load(wall);
      Stage stage = new Stage();
      stage.setScene(new Scene(root, WIDTH, HEIGHT));
      stage.show();
      Random random = new Random(42);
      int warmUp = 75 * 60;
      long frameNanos = simulate(supervisor, clock, wall, random, 1_000_000_000L, 0, warmUp);
      if (kiosk) {
        // As the operator would: Monocle's full screen needs a focused window, which a window only
        // is once shown.
        stage.requestFocus();
        root.fireEvent(
            new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.F11, false, false, false, false));
      }
      frameNanos =
          simulate(
              supervisor,
              clock,
              wall,
              random,
              frameNanos,
              warmUp,
              warmUp + pageTurns * settings.pageSeconds());
      lastSecond(supervisor, clock, wall, random, frameNanos, !kiosk);
      for (int pass = 0;
          pass < 2;
          pass++) { // the second pass lays out what the first one's sizes changed
        root.applyCss();
        root.layout();
      }
      WritableImage image = stage.getScene().snapshot(null);
      stage.close();
      wall.stop();
      return image;
    }
  }

  /**
   * Orders from a skewed customer base from second {@code from} to {@code to}, busier as the first
   * hour goes on, at one frame a second; returns the last frame's time.
   */
  private static long simulate(
      AccountSupervisor supervisor,
      MutableClock clock,
      WallModel wall,
      Random random,
      long frameNanos,
      int from,
      int to) {
    for (int second = from; second < to; second++) {
      double rate = 3 + 4.0 * Math.min(1, second / 3_600.0) + 2 * Math.sin(second / 300.0);
      int orders = (int) Math.round(rate + random.nextGaussian());
      for (int i = 0; i < orders; i++) {
        supervisor.order(customer(random), random.nextInt(10) == 0 ? 2 + random.nextInt(4) : 1);
      }
      clock.advance(Duration.ofSeconds(1));
      supervisor.expireDue();
      wall.onFrame(frameNanos += 1_000_000_000L);
    }
    return frameNanos;
  }

  /** Half a second at 60 frames a second, so some rows are caught mid-flash. */
  private static void lastSecond(
      AccountSupervisor supervisor,
      MutableClock clock,
      WallModel wall,
      Random random,
      long frameNanos,
      boolean bigOrder) {
    for (int frame = 0; frame < 30; frame++) {
      if (bigOrder && frame == 0) {
        supervisor.order(2, 250); // a big order: its row flashes, the celebrations list it
      } else if (frame % 5 == 0) {
        supervisor.order(customer(random), 1);
      }
      clock.advance(Duration.ofMillis(16));
      supervisor.expireDue();
      wall.onFrame(frameNanos += 16_666_667L);
    }
  }

  /** Account ids 1 to 600, a few ordering often and most rarely. */
  private static long customer(Random random) {
    return 1 + (long) (Math.pow(random.nextDouble(), 2.5) * 600);
  }

  private static String name(long id) {
    return FIRST[(int) (id % FIRST.length)] + " " + SECOND[(int) (id * 7 % SECOND.length)];
  }

  private static void write(WritableImage image, Path file) throws IOException {
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    int[] argb = new int[width * height];
    image
        .getPixelReader()
        .getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
    BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    png.setRGB(0, 0, width, height, argb, 0, width);
    ImageIO.write(png, "png", file.toFile());
  }
}
