package com.accountwall.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The window's pulses, as the window hands them in ({@link #pulse}), once per frame: the time
 * between one pulse and the next, the frame time ({@value #FRAME}, a histogram), and the pulses of
 * the last whole second ({@value #PULSE_RATE}). A window that stops pulsing for longer than a
 * second (its thread stuck) reads 0 pulses per second at the next scrape, not the rate it had
 * before; its frame timer stops counting, so {@code rate()} of its count falls to 0 too.
 *
 * <p>Plain Java: the window hands in its pulses' times in nanoseconds, so this package needs no
 * JavaFX. A wall without a window ({@code --headless}) makes none of these meters: they are absent
 * from its scrape rather than 0, so that an alert on a low pulse rate never fires on a wall that
 * has no window to pulse.
 *
 * <p>Thread-safety: {@link #pulse} is confined to one thread, the window's (the JavaFX thread); the
 * meters may be read from any thread, as a scrape does. A pulse allocates nothing of its own: it
 * records into the timer and writes a volatile field (two, once a second).
 */
public final class WindowMeters {
  /**
   * Micrometer's name of the frame time; Prometheus's is {@code account_wall_window_frame_seconds}.
   */
  public static final String FRAME = "account.wall.window.frame";

  /**
   * Micrometer's name of the pulse rate; Prometheus's is {@code
   * account_wall_window_pulses_per_second}.
   */
  public static final String PULSE_RATE = "account.wall.window.pulses.per.second";

  private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Timer frames;
  private final LongSupplier nanoTime;

  // Confined to the window's thread.
  private long previousPulse;
  private boolean pulsed;
  private long secondStart;
  // Pulses after the one at secondStart: the frames of the second so far.
  private int pulsesSinceSecondStart;

  // Written by the window's thread, read by a scrape.
  private volatile double lastSecondRate;
  private volatile long lastPulseAt;

  /**
   * Registers the window's meters in {@code registry}; once per registry, as the window opens (a
   * second instance would find the first one's pulse-rate gauge registered and read nothing of its
   * own).
   *
   * @param nanoTime the time a scrape compares with the last pulse's, to tell a stuck window:
   *     {@code System::nanoTime} but in a test
   */
  WindowMeters(MeterRegistry registry, LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    // A 60 Hz window pulses every 16.7 ms; buckets from 1 ms to 10 s also show the stalls, and a
    // frame past 10 s is in +Inf.
    frames =
        Timer.builder(FRAME)
            .description("time between one pulse of the window and the next")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);
    Gauge.builder(PULSE_RATE, this, WindowMeters::pulseRate)
        .description("pulses of the window in its last whole second; 0 if none for a second")
        .strongReference(true) // the window holds this only as long as it pulses
        .register(registry);
  }

  /**
   * One pulse of the window, the frame of {@code pulseNanos}: the pulse's time as the window's
   * animation timer hands it in (nanoseconds, any origin, the same for every pulse). Call it on the
   * window's thread, once per pulse.
   */
  public void pulse(long pulseNanos) {
    if (!pulsed) {
      pulsed = true;
      secondStart = pulseNanos;
    } else {
      frames.record(pulseNanos - previousPulse, TimeUnit.NANOSECONDS);
      pulsesSinceSecondStart++;
      long sinceSecondStart = pulseNanos - secondStart;
      if (sinceSecondStart >= SECOND_NANOS) {
        lastSecondRate = pulsesSinceSecondStart * (double) SECOND_NANOS / sinceSecondStart;
        secondStart = pulseNanos;
        pulsesSinceSecondStart = 0;
      }
    }
    previousPulse = pulseNanos;
    // Our own clock, not the pulse's: a scrape compares it with its own time.
    lastPulseAt = nanoTime.getAsLong();
  }

  /** The last whole second's pulses per second, or 0 if the window has not pulsed for a second. */
  private double pulseRate() {
    return nanoTime.getAsLong() - lastPulseAt > SECOND_NANOS ? 0 : lastSecondRate;
  }
}
