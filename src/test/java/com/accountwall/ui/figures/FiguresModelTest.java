package com.accountwall.ui.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.journal.HistoryStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The figures' hour before the window opened, filled in from the order history, so that the
 * sparkline and the change against an hour ago survive a restart; the change since the wall's
 * start; and the shown figures keeping up with the true ones.
 */
class FiguresModelTest {
  private static final Instant OPENED = Instant.parse("2026-11-23T09:00:30Z");
  private static final Instant OPENED_MINUTE = Instant.parse("2026-11-23T09:00:00Z");
  private static final long FRAME = 16_666_667;

  /** Widgets restored on start. */
  private static final long RESTORED = 500;

  private final FiguresModel figures = new FiguresModel(RESTORED);
  private long frameNanos = 1_000_000_000L;

  @Test
  void theHistorysLastHourIsTheSparklineAndTheBaseOfTheChange() {
    figures.totals(10, RESTORED);
    figures.seed(hour(2, 6));
    frame(OPENED);

    long[] history = figures.minuteHistoryProperty().get();
    assertEquals(60, history.length);
    assertTrue(Arrays.stream(history).allMatch(orders -> orders == 2), Arrays.toString(history));
    assertTrue(figures.fullHourProperty().get(), "compared with an hour ago, from the history");
    // As the wall's own record does, it compares with the figure at the end of the minute an hour
    // ago: the widgets of the 59 whole minutes since, as the history has them.
    assertEquals(59 * 6, figures.widgetsSoldChangeProperty().get());

    figures.totals(10, 510);
    frame(OPENED.plus(Duration.ofMinutes(30)));
    assertEquals(
        10 + 29 * 6,
        figures.widgetsSoldChangeProperty().get(),
        "the history's minutes after 08:30, and 10 more");
  }

  @Test
  void aHistoryThatArrivesAfterTheFirstFrameKeepsWhatTheWindowSawItself() {
    figures.totals(1, 5);
    figures.ordered(5, OPENED);
    frame(OPENED);
    List<HistoryStep> steps = new ArrayList<>(hour(2, 6));
    steps.add(
        new HistoryStep(
            OPENED_MINUTE, 40, 40)); // the minute the window opened in: it counted that one
    figures.seed(steps);

    frame(OPENED.plus(Duration.ofMinutes(1)));

    long[] history = figures.minuteHistoryProperty().get();
    assertEquals(5, history[59], "the window's own count of its first minute");
    assertEquals(2, history[58]);
  }

  @Test
  void aHistoryWithoutOrdersLeavesTheFiguresAsWithoutOne() {
    figures.totals(10, RESTORED);
    figures.seed(hour(0, 0));
    frame(OPENED);

    assertArrayEquals(new long[60], figures.minuteHistoryProperty().get());
    assertFalse(figures.fullHourProperty().get(), "compared with the start, as without a history");
    assertEquals(0, figures.widgetsSoldChangeProperty().get());
  }

  @Test
  void sinceStartCountsFromWhatWasRestoredNotFromTheFirstFrame() {
    FiguresModel emptyAtStart = new FiguresModel(0);
    emptyAtStart.totals(3, 15); // ordered while the window opened, before its first frame
    emptyAtStart.onFrame(frameNanos += FRAME, OPENED);
    assertEquals(15, emptyAtStart.widgetsSoldChangeProperty().get());

    emptyAtStart.totals(0, 0); // every account has ended since
    emptyAtStart.onFrame(frameNanos += FRAME, OPENED.plusSeconds(40));
    assertEquals(0, emptyAtStart.widgetsSoldChangeProperty().get(), "as empty as it started");
    assertFalse(emptyAtStart.fullHourProperty().get());
  }

  @Test
  void theShownFiguresReachTheirValuesWithinASecondThoughTheyChangeEveryFrame() {
    frame(OPENED);
    long sold = RESTORED;
    Instant now = OPENED;
    for (int second = 0; second < 3; second++) {
      boolean reached = false;
      for (int i = 0; i < 60; i++) {
        sold += 200;
        now = now.plusMillis(16);
        figures.totals(10, sold);
        frame(now);
        reached |= figures.shownWidgetsSoldProperty().get() == sold;
      }
      assertTrue(reached, "second " + second + ": never showed " + sold);
    }
  }

  /** The whole minutes of the hour before the window opened, each with these orders and widgets. */
  private static List<HistoryStep> hour(long orders, long widgets) {
    List<HistoryStep> steps = new ArrayList<>();
    for (int minute = 60; minute >= 1; minute--) {
      steps.add(new HistoryStep(OPENED_MINUTE.minus(Duration.ofMinutes(minute)), orders, widgets));
    }
    return steps;
  }

  private void frame(Instant now) {
    figures.onFrame(frameNanos += FRAME, now);
  }
}
