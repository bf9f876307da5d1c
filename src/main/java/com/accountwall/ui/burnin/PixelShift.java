package com.accountwall.ui.burnin;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * How far the whole window stands off its place, in pixels, against burn-in: a step every {@link
 * #STEP} along a figure eight of {@link #STEPS} steps, at most {@link #REACH} pixels either way in
 * x and y, back at its place after each full cycle (96 minutes). A step moves a pixel or two, which
 * nobody sees; over the cycle every edge on the screen covers a band of pixels instead of one line.
 * It starts at its place, when the wall starts.
 *
 * <p>It moves once per frame ({@link #onFrame}) by the wall's clock, so a test moves a clock and
 * drives frames; a frame in the same step changes nothing. One that is {@link #off()} stays at its
 * place.
 *
 * <p>Confined to the JavaFX thread.
 */
public final class PixelShift {
  /** How often the window moves. */
  public static final Duration STEP = Duration.ofMinutes(3);

  /** Steps in one cycle, after which the window is back at its place. */
  public static final int STEPS = 32;

  /** How far, in pixels, the window strays from its place in x and in y, either way. */
  public static final double REACH = 4;

  private final Instant start;
  private long step;

  private final ReadOnlyDoubleWrapper x = new ReadOnlyDoubleWrapper(this, "x");
  private final ReadOnlyDoubleWrapper y = new ReadOnlyDoubleWrapper(this, "y");

  private PixelShift(Instant start) {
    this.start = start;
  }

  /** A shift whose cycle starts at {@code start}, at its place. */
  public static PixelShift from(Instant start) {
    return new PixelShift(Objects.requireNonNull(start, "start"));
  }

  /** A shift that never moves. */
  public static PixelShift off() {
    return new PixelShift(null);
  }

  /** Whether it moves at all. */
  public boolean isOn() {
    return start != null;
  }

  /** Moves to where the window stands at {@code now} by the wall's clock. */
  public void onFrame(Instant now) {
    if (start == null) {
      return;
    }
    long current =
        Math.floorMod(
            Math.floorDiv(now.getEpochSecond() - start.getEpochSecond(), STEP.getSeconds()), STEPS);
    if (current != step) {
      step = current;
      x.set(x(step));
      y.set(y(step));
    }
  }

  /** Pixels right of its place (left if negative), for the scene's root {@code translateX}. */
  public ReadOnlyDoubleProperty xProperty() {
    return x.getReadOnlyProperty();
  }

  /** Pixels below its place (above if negative), for the scene's root {@code translateY}. */
  public ReadOnlyDoubleProperty yProperty() {
    return y.getReadOnlyProperty();
  }

  /** The x of step {@code step} of the cycle: once across and back. */
  static double x(long step) {
    return Math.round(REACH * Math.sin(2 * Math.PI * step / STEPS));
  }

  /** The y of step {@code step} of the cycle: twice as fast as x, for a figure eight. */
  static double y(long step) {
    return Math.round(REACH * Math.sin(4 * Math.PI * step / STEPS));
  }
}
