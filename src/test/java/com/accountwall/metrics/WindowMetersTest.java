package com.accountwall.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The window's meters fed pulses by hand, on a clock the test moves. */
class WindowMetersTest {
  private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final WindowMeters window = new WindowMeters(registry, now::get);

  @Test
  void timesTheGapsBetweenPulsesFromTheSecondPulseOn() {
    window.pulse(now.get());
    window.pulse(pulseAfter(FRAME_NANOS));
    window.pulse(pulseAfter(3 * FRAME_NANOS)); // a frame that took three

    Timer frames = registry.get(WindowMeters.FRAME).timer();
    assertEquals(2, frames.count());
    assertEquals(4 * 20.0, frames.totalTime(TimeUnit.MILLISECONDS), 1e-9);
    assertEquals(3 * 20.0, frames.max(TimeUnit.MILLISECONDS), 1e-9);
  }

  @Test
  void thePulseRateIsTheLastWholeSecondsPulses() {
    window.pulse(now.get());
    assertEquals(0, pulseRate(), "no whole second yet");

    for (int frame = 0; frame < 50; frame++) { // 50 frames of 20 ms: one second
      window.pulse(pulseAfter(FRAME_NANOS));
    }
    assertEquals(50, pulseRate(), 1e-9);

    for (int frame = 0; frame < 25; frame++) { // 25 frames of 40 ms: the next second
      window.pulse(pulseAfter(2 * FRAME_NANOS));
    }
    assertEquals(25, pulseRate(), 1e-9);
  }

  @Test
  void aWindowThatStopsPulsingForASecondReadsNoPulses() {
    window.pulse(now.get());
    for (int frame = 0; frame < 50; frame++) {
      window.pulse(pulseAfter(FRAME_NANOS));
    }
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1000));
    assertEquals(50, pulseRate(), 1e-9, "a second since the last pulse: still pulsing");

    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));

    assertEquals(0, pulseRate(), "stuck");
  }

  /** Moves the clock on by {@code nanos} and answers the time, as the next pulse's. */
  private long pulseAfter(long nanos) {
    return now.addAndGet(nanos);
  }

  private double pulseRate() {
    return registry.get(WindowMeters.PULSE_RATE).gauge().value();
  }
}
