package com.accountwall.ui.figures;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * A figure that moves to its new value over a moment instead of jumping, so a viewer sees that, and
 * by how much, it changed. Advanced by the wall's frames. Confined to the JavaFX thread.
 */
final class CountUp {
  private static final long GLIDE_NANOS = 700_000_000L;

  private final ReadOnlyLongWrapper shown = new ReadOnlyLongWrapper(this, "shown");
  private long from;
  private long target;
  private long startedAt;
  private boolean started;

  /** Glides from what is shown now to {@code value}, starting at {@code frameNanos}. */
  void moveTo(long value, long frameNanos) {
    if (value == target && started) {
      return;
    }
    if (!started) {
      // The first figure appears at once: counting up from zero on start says nothing.
      shown.set(value);
      started = true;
    }
    from = shown.get();
    target = value;
    startedAt = frameNanos;
  }

  void advance(long frameNanos) {
    if (shown.get() == target) {
      return;
    }
    double progress = Math.min(1, (double) (frameNanos - startedAt) / GLIDE_NANOS);
    double eased = 1 - Math.pow(1 - progress, 3);
    shown.set(progress >= 1 ? target : from + Math.round((target - from) * eased));
  }

  ReadOnlyLongProperty shownProperty() {
    return shown.getReadOnlyProperty();
  }
}
