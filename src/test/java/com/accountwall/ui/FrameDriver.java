package com.accountwall.ui;

import java.time.Duration;
import org.testfx.api.FxRobot;

/**
 * Drives a {@link WallModel}'s frames by hand on the JavaFX thread, sixty to a second of pulse
 * time, so window tests wait for no timer.
 */
final class FrameDriver {
  private static final long FRAME = 16_666_667;

  private final WallModel wall;
  private long frameNanos = 1_000_000_000L;

  FrameDriver(WallModel wall) {
    this.wall = wall;
  }

  /** One frame. */
  void frame(FxRobot robot) {
    robot.interact(() -> wall.onFrame(frameNanos += FRAME));
  }

  /** The frames of {@code length}, the last one exactly at its end. */
  void frames(FxRobot robot, Duration length) {
    long end = frameNanos + length.toNanos();
    robot.interact(
        () -> {
          while (frameNanos < end) {
            wall.onFrame(frameNanos = Math.min(frameNanos + FRAME, end));
          }
        });
  }
}
