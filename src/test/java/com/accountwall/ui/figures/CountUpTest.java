package com.accountwall.ui.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A figure's glide to its value, with frames driven by hand. */
class CountUpTest {
  private static final long FRAME = 16_000_000;
  private static final long SECOND = 1_000_000_000;

  private final CountUp figure = new CountUp();
  private long frameNanos = SECOND;

  @Test
  void aSingleChangeGlidesAndLandsOnItsValue() {
    frame(100);
    frame(1_100);
    frame(1_100);
    long shown = figure.shownProperty().get();
    assertTrue(shown > 100 && shown < 1_100, "on its way after one frame: " + shown);

    for (long end = frameNanos + CountUp.GLIDE_NANOS; frameNanos < end; ) {
      frame(1_100);
    }
    assertEquals(1_100, figure.shownProperty().get());
  }

  @Test
  void aValueThatChangesEveryFrameIsReachedWithinEachSecond() {
    frame(0);
    long value = 0;
    for (int second = 0; second < 5; second++) {
      boolean reached = false;
      for (long end = frameNanos + SECOND; frameNanos < end; ) {
        long shownBefore = figure.shownProperty().get();
        value += 1_000;
        frame(value);
        long shown = figure.shownProperty().get();
        assertTrue(shown >= shownBefore && shown <= value, "towards the value: " + shown);
        reached |= shown == value;
      }
      assertTrue(reached, "second " + second + ": never showed the value, at " + value);
    }
  }

  /** One frame as the figures' model runs it: the new target first, then the glide. */
  private void frame(long value) {
    frameNanos += FRAME;
    figure.moveTo(value, frameNanos);
    figure.advance(frameNanos);
  }
}
