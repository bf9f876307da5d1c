package com.accountwall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.api.ApiEndpoint;
import com.accountwall.core.CoarseClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a start tells the operator, and what a start that fails leaves behind. */
class WallStartTest {
  @TempDir Path data;

  @Test
  void theStartLineSaysTheLifetimeTheDataFolderAndOnlyTheStartOfTheToken() throws Exception {
    WallConfig config =
        WallOptions.parse("--headless", "--port=0", "--data=" + data, "--lifetime=30s").config();
    try (Wall wall = Wall.start(config, new CoarseClock())) {
      String line = wall.startLine(config);
      String token = Files.readString(data.resolve("api-token")).strip();

      assertTrue(
          Pattern.matches(
              "listening on http://127\\.0\\.0\\.1:\\d+ · lifetime 30s \\(--lifetime\\) · data "
                  + Pattern.quote(data.toAbsolutePath().toString())
                  + " · generated API token "
                  + Pattern.quote(token.substring(0, 4))
                  + "…, kept in "
                  + Pattern.quote(data.resolve("api-token").toString()),
              line),
          line);
      assertFalse(line.contains(token.substring(0, 5)), "the token is never shown whole");
      ApiEndpoint endpoint = wall.endpoint();
      assertEquals(
          token.substring(0, 4) + "…",
          endpoint.tokenStart(),
          "the window's status bar is read by the whole floor");
      assertEquals(data.resolve("api-token"), endpoint.tokenFile());
    }
  }

  @Test
  void aStartThatCannotListenKeepsNoToken() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      WallOptions options =
          WallOptions.parse("--headless", "--port=" + busy.getLocalPort(), "--data=" + data);

      assertThrows(IOException.class, () -> Wall.start(options, new CoarseClock()));
    }

    assertFalse(Files.exists(data.resolve("api-token")), "no token the operator was never told of");
  }
}
