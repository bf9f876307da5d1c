package com.accountwall.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.generator.OrderGenerator;
import com.accountwall.journal.HistoryStep;
import com.accountwall.journal.JournalUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The window asks the order history, once, for the hour before it opened, so that the figures' hour
 * survives a restart; a history that cannot be read leaves them to start from nothing. The history
 * here is played by hand, and its question runs on the JavaFX thread, as the desk's calls do in
 * tests.
 */
@ExtendWith(ApplicationExtension.class)
class HistorySeedTest {
  private static final Instant OPENED = Instant.parse("2026-11-23T09:00:30Z");

  private final MutableClock clock = new MutableClock(OPENED);
  private final AccountSupervisor supervisor = AccountSupervisor.builder().clock(clock).build();
  private final OrderGenerator generator =
      OrderGenerator.builder(supervisor).rate(0).seed(1).build();
  private final List<String> asked = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    generator.close();
  }

  @Test
  void theFiguresHourIsTheHistorysWholeMinutesBeforeTheWindowOpened(FxRobot robot) {
    WallModel wall =
        WallModel.builder(supervisor, clock, generator)
            .history(
                (from, to, step) -> {
                  asked.add(from + " " + to + " " + step);
                  List<HistoryStep> steps = new ArrayList<>();
                  for (Instant minute = from; minute.isBefore(to); minute = minute.plus(step)) {
                    steps.add(new HistoryStep(minute, 3, 4));
                  }
                  return steps;
                })
            .build();

    robot.interact(wall::seedFigures);
    new FrameDriver(wall).frame(robot);

    assertEquals(List.of("2026-11-23T08:00:00Z 2026-11-23T09:00:00Z PT1M"), asked);
    long[] history = wall.figures().minuteHistoryProperty().get();
    assertTrue(Arrays.stream(history).allMatch(orders -> orders == 3), Arrays.toString(history));
    assertTrue(wall.figures().fullHourProperty().get(), "the change is against an hour ago");
  }

  @Test
  void aHistoryThatCannotBeReadLeavesTheFiguresToStartFromNothing(FxRobot robot) {
    WallModel wall =
        WallModel.builder(supervisor, clock, generator)
            .history(
                (from, to, step) -> {
                  throw new JournalUnavailableException("the database is locked");
                })
            .build();

    robot.interact(wall::seedFigures);
    new FrameDriver(wall).frame(robot);

    assertArrayEquals(new long[60], wall.figures().minuteHistoryProperty().get());
    assertFalse(wall.figures().fullHourProperty().get(), "the change is against the wall's start");
    assertEquals(0, wall.figures().widgetsSoldChangeProperty().get());
  }
}
