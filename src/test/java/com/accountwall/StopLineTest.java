package com.accountwall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wall stopped as systemd stops it, with SIGTERM, in a JVM of its own, headless or with its
 * window: it stops in order and its log file in the data folder tells the start and the stop, with
 * the reason.
 */
class StopLineTest {
  @TempDir Path data;

  @Test
  void sigtermStopsTheWallAndTheLogFileSaysSo() throws Exception {
    Path file = data.resolve("logs/account-wall.0.log");
    int exit;
    try (WallProcess wall =
        WallProcess.start(
            data, "stop-line-token", "--lifetime=5m", "--metrics-token=stop-line-metrics-token")) {
      // The start line on standard output comes just before the shutdown hook is in place; the
      // log's after it.
      Await.until(
          () -> contains(file, " started (pid "),
          Duration.ofSeconds(30),
          () -> "the start in " + file);
      exit = wall.terminate();
    }

    assertEquals(128 + 15, exit, "the exit code of a JVM stopped by SIGTERM");
    List<String> log = Files.readAllLines(file);
    assertTrue(
        log.stream()
            .anyMatch(
                line ->
                    line.contains("Account Wall ")
                        && line.contains(" started (pid ")
                        && line.contains("lifetime 5m (--lifetime)")
                        && line.contains("data " + data.toAbsolutePath())
                        && line.contains(" port=0 ")
                        && line.contains(" token=(hidden) ")
                        && line.contains(" metricsToken=(hidden)")),
        String.join("\n", log));
    assertTrue(
        log.stream()
            .noneMatch(
                line ->
                    line.contains("stop-line-token") || line.contains("stop-line-metrics-token")),
        "neither token is ever logged");
    assertTrue(
        log.get(log.size() - 1)
            .contains("INFO com.accountwall.Lifecycle: stopped: SIGTERM, after PT"),
        "the stop line is the last: " + String.join("\n", log));
  }

  /**
   * With its window open and drawing, a SIGTERM closes the window before the JVM exits: the stop
   * line still names the signal, the exit code is still the signal's, and no frame is drawn beside
   * JavaFX's own shutdown, which now and then printed a {@code RejectedExecutionException} from a
   * pulse. Repeated, for that was a race.
   */
  @RepeatedTest(3)
  void sigtermWithTheWindowOpenClosesItFirst() throws Exception {
    Path file = data.resolve("logs/account-wall.0.log");
    int exit;
    List<String> output;
    try (WallProcess wall = WallProcess.startWithWindow(data, "--lifetime=5m")) {
      Await.until(
          () -> wall.output().stream().anyMatch(line -> line.contains("first frame")),
          Duration.ofSeconds(60),
          () -> "the window's first frame");
      exit = wall.terminate();
      output = wall.output();
    }

    assertEquals(128 + 15, exit, "the exit code of a JVM stopped by SIGTERM");
    List<String> log = Files.readAllLines(file);
    assertTrue(
        log.get(log.size() - 1)
            .contains("INFO com.accountwall.Lifecycle: stopped: SIGTERM, after PT"),
        "the stop line names the signal, not the window's closing: " + String.join("\n", log));
    assertTrue(
        output.stream().noneMatch(line -> line.contains("Exception")),
        "nothing failed on the way out: " + String.join("\n", output));
  }

  private static boolean contains(Path file, String text) {
    try {
      return Files.readString(file).contains(text);
    } catch (IOException e) {
      return false; // not there yet
    }
  }
}
