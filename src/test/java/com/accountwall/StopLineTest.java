package com.accountwall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wall stopped as systemd stops it, with SIGTERM, in a JVM of its own: it stops in order and its
 * log file in the data folder tells the start and the stop, with the reason.
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

  private static boolean contains(Path file, String text) {
    try {
      return Files.readString(file).contains(text);
    } catch (IOException e) {
      return false; // not there yet
    }
  }
}
