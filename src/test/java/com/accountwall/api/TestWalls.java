package com.accountwall.api;

import com.accountwall.Wall;
import com.accountwall.WallOptions;
import com.accountwall.core.MutableClock;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Starts the headless wall the API's tests talk to: a free port, its own data folder, a known token
 * and clock.
 */
final class TestWalls {
  static final String TOKEN = "test-token";
  static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

  private TestWalls() {}

  /**
   * A wall on {@code data} whose clock stands at {@link #START} and whose API takes {@link #TOKEN}.
   */
  static Wall start(Path data) throws Exception {
    return Wall.start(
        WallOptions.parse("--headless", "--port=0", "--data=" + data, "--token=" + TOKEN),
        new MutableClock(START));
  }
}
