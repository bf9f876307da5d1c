package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.day.WallDay;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.ui.figures.KpiTile;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The big figures on the real window under a known burst of orders, at 200 and at 100,000 a second,
 * frames and clock driven by hand: they move while the orders come, and a second after the last one
 * they equal the core's.
 */
@ExtendWith(ApplicationExtension.class)
class FiguresUnderLoadTest {
  private static final Duration FRAME = Duration.ofMillis(16);
  private static final int ACCOUNTS = 5_000;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final AccountSupervisor supervisor = AccountSupervisor.builder().clock(clock).build();
  private final OrderGenerator generator =
      OrderGenerator.builder(supervisor).rate(0).seed(1).build();
  private final WallModel wall =
      WallModel.builder(supervisor, clock, generator)
          .day(WallDay.midnights(ZoneOffset.UTC))
          .build();
  private final FrameDriver driver = new FrameDriver(wall);

  @Start
  void start(Stage stage) throws Exception {
    stage.setScene(new Scene(WallView.load(wall), 1600, 900));
    stage.show();
  }

  @AfterEach
  void stop() {
    generator.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 100_000})
  void afterABurstTheFiguresAreTheCores(int ordersPerSecond, FxRobot robot) {
    SplittableRandom random = new SplittableRandom(ordersPerSecond);
    double due = 0;
    String soldAtFirst = null;
    for (int frame = 0; frame < 3 * 60; frame++) {
      due += ordersPerSecond * FRAME.toNanos() / 1e9;
      for (; due >= 1; due--) {
        supervisor.order(1 + random.nextInt(ACCOUNTS), 1 + random.nextInt(3));
      }
      clock.advance(FRAME);
      driver.frame(robot);
      if (frame == 30) {
        soldAtFirst = value(robot, "#widgetsSoldTile");
      }
    }
    assertNotEquals(soldAtFirst, value(robot, "#widgetsSoldTile"), "the figure moved meanwhile");

    for (int frame = 0; frame < 60; frame++) {
      clock.advance(FRAME);
      driver.frame(robot);
    }

    assertEquals(count(supervisor.totalWidgetsOrdered()), value(robot, "#widgetsSoldTile"));
    assertEquals(count(supervisor.count()), value(robot, "#liveAccountsTile"));
    assertEquals(
        count(supervisor.totalWidgetsOrdered()),
        value(robot, "#todayTile"),
        "every widget was sold today");
  }

  private static String count(long value) {
    return String.format(Locale.ENGLISH, "%,d", value);
  }

  private static String value(FxRobot robot, String tile) {
    robot.interact(() -> {});
    return robot.lookup(tile).queryAs(KpiTile.class).valueProperty().get();
  }
}
