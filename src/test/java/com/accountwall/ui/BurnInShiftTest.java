package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.day.WallDay;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.settings.Theme;
import com.accountwall.settings.WallSettings;
import com.accountwall.ui.burnin.PixelShift;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The whole window shifting against burn-in, on the real window, headless: the scene's root moves a
 * step when the wall's clock passes one, stays within a few pixels, and is back at its place after
 * a full cycle. Frames and the clock are driven by hand.
 */
@ExtendWith(ApplicationExtension.class)
class BurnInShiftTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final AccountSupervisor supervisor =
      AccountSupervisor.builder().clock(clock).lifetime(Duration.ofHours(24)).build();
  private final OrderGenerator generator =
      OrderGenerator.builder(supervisor).rate(0).seed(1).build();
  private final WallModel wall =
      WallModel.builder(supervisor, clock, generator)
          .display(
              TestDisplays.of(
                      new WallSettings(Theme.DARK, 0, supervisor.lifetime(), 5, 0),
                      generator,
                      supervisor)
                  .build())
          .day(WallDay.midnights(ZoneOffset.UTC))
          .burnInShift(true)
          .build();
  private final FrameDriver driver = new FrameDriver(wall);
  private Parent root;

  @Start
  void start(Stage stage) throws Exception {
    root = WallView.load(wall);
    stage.setScene(new Scene(root, 1280, 720));
    stage.show();
  }

  @AfterEach
  void stop() {
    generator.close();
  }

  @Test
  void theRootMovesAStepWithTheClockWithinAFewPixelsAndIsBackAfterACycle(FxRobot robot) {
    driver.frame(robot);
    assertEquals(List.of(0.0, 0.0), translate(), "at its place as the wall starts");
    BackgroundFill beyond = ((Region) root).getBackground().getFills().get(0);
    assertEquals(Color.BLACK, beyond.getFill(), "what an edge uncovers is black");
    assertTrue(
        beyond.getInsets().getLeft() <= -PixelShift.REACH
            && beyond.getInsets().getTop() <= -PixelShift.REACH
            && beyond.getInsets().getRight() <= -PixelShift.REACH
            && beyond.getInsets().getBottom() <= -PixelShift.REACH,
        "black beyond every edge by more than the shift's reach: " + beyond.getInsets());

    clock.advance(PixelShift.STEP.minusSeconds(1));
    driver.frame(robot);
    assertEquals(List.of(0.0, 0.0), translate(), "still within the first step");

    clock.advance(Duration.ofSeconds(1));
    driver.frame(robot);
    List<Double> first = translate();
    assertNotEquals(List.of(0.0, 0.0), first, "moved once the clock passed a step");

    Set<List<Double>> places = new HashSet<>();
    List<Double> before = List.of(0.0, 0.0);
    // Step 1 to step 32, which is step 0 of the next cycle.
    for (int step = 1; step <= PixelShift.STEPS; step++) {
      List<Double> now = translate();
      places.add(now);
      assertTrue(
          Math.abs(now.get(0)) <= PixelShift.REACH && Math.abs(now.get(1)) <= PixelShift.REACH,
          "within " + PixelShift.REACH + " px at step " + step + ": " + now);
      assertTrue(
          Math.abs(now.get(0) - before.get(0)) <= 2 && Math.abs(now.get(1) - before.get(1)) <= 2,
          "a step is a pixel or two, unseen: " + before + " to " + now);
      before = now;
      clock.advance(PixelShift.STEP);
      driver.frame(robot);
    }
    assertEquals(List.of(0.0, 0.0), before, "back at its place after a full cycle");
    assertTrue(places.size() >= 16, "it covers a band of places, not two: " + places);
    assertEquals(first, translate(), "and the cycle starts over");
  }

  @Test
  void offItStaysAtItsPlace(FxRobot robot) {
    WallModel still =
        WallModel.builder(supervisor, clock, generator)
            .display(
                TestDisplays.of(
                        new WallSettings(Theme.DARK, 0, supervisor.lifetime(), 5, 0),
                        generator,
                        supervisor)
                    .build())
            .burnInShift(false)
            .build();
    for (int step = 0; step < PixelShift.STEPS; step++) {
      clock.advance(PixelShift.STEP);
      robot.interact(() -> still.shift().onFrame(clock.instant()));
      assertEquals(0.0, still.shift().xProperty().get());
      assertEquals(0.0, still.shift().yProperty().get());
    }
  }

  private List<Double> translate() {
    return List.of(root.getTranslateX(), root.getTranslateY());
  }
}
