package com.accountwall.ui.figures;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * A figure that moves to its new value over a moment instead of jumping, so a viewer sees that, and
 * by how much, it changed. Advanced by the wall's frames.
 *
 * <p>A glide lasts {@link #GLIDE_NANOS} from the moment the figure leaves its resting value, easing
 * out as it nears its target. A new target during a glide bends the glide towards it from where the
 * figure is shown, at the same point of the same easing, and keeps the glide's end: a figure that
 * changes every frame still moves every frame and shows its exact value at least once per glide,
 * rather than restarting its glide and never moving. Confined to the JavaFX thread.
 */
final class CountUp {
  /** How long a figure takes to reach its value, however often the value changes meanwhile. */
  static final long GLIDE_NANOS = 700_000_000L;

  private final ReadOnlyLongWrapper shown = new ReadOnlyLongWrapper(this, "shown");

  /** Where the glide's curve starts, so that it passes through what is shown now; not shown. */
  private double from;

  private long target;
  private long glideStart;
  private long glideEnd;
  private boolean started;

  /**
   * Glides from what is shown now to {@code value}: over a whole glide from rest, or over what is
   * left of the glide under way.
   */
  void moveTo(long value, long frameNanos) {
    if (!started) {
      // The first figure appears at once: counting up from zero on start says nothing.
      shown.set(value);
      target = value;
      started = true;
      return;
    }
    if (value == target) {
      return;
    }
    if (shown.get() == target) {
      glideStart = frameNanos;
      glideEnd = frameNanos + GLIDE_NANOS;
      from = shown.get();
    } else if (frameNanos - glideEnd < 0) {
      // Solve shown = from + (value - from) * eased for from: the curve goes on from here.
      double eased = eased(frameNanos);
      from = (shown.get() - value * eased) / (1 - eased);
    } // else the glide has ended and the next advance shows the value
    target = value;
  }

  /**
   * Shows the figure where its glide is at {@code frameNanos}; at its target once the glide ends.
   */
  void advance(long frameNanos) {
    if (shown.get() == target) {
      return;
    }
    if (frameNanos - glideEnd >= 0) {
      shown.set(target);
      return;
    }
    shown.set(Math.round(from + (target - from) * eased(frameNanos)));
  }

  ReadOnlyLongProperty shownProperty() {
    return shown.getReadOnlyProperty();
  }

  /**
   * How far along the glide's curve {@code frameNanos} is, from 0 to just under 1: a cubic
   * ease-out.
   */
  private double eased(long frameNanos) {
    double progress = (double) (frameNanos - glideStart) / (glideEnd - glideStart);
    return 1 - Math.pow(1 - progress, 3);
  }
}
