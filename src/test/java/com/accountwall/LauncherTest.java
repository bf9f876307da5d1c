package com.accountwall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.files.DataFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class LauncherTest {
  @TempDir Path data;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void aSecondWallOnAClaimedFolderStopsBeforeItReadsOrWritesAnything() throws Exception {
    Files.writeString(data.resolve("settings.properties"), "lifetime=PT30S\n");
    try (DataFolder owner = DataFolder.claim(data)) {
      int exit = launch("--headless", "--port=0", "--data=" + data, "--lifetime=2s");

      assertEquals(1, exit);
      assertEquals(
          "account-wall: the data folder "
              + data.toAbsolutePath()
              + " is in use by another Account Wall (pid "
              + ProcessHandle.current().pid()
              + "); stop it, or give --data another folder"
              + System.lineSeparator(),
          err.toString());
      try (Stream<Path> files = Files.list(data)) {
        assertEquals(2, files.count(), "the lock file and the settings, and nothing else");
      }
      assertEquals("lifetime=PT30S\n", Files.readString(data.resolve("settings.properties")));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--lifetime=1000000000000d",
        "--lifetime=soon",
        "--colour=blue",
        "--port=70000",
        "--lifetime",
        "--retention=1h",
        "--schedule=Mon-Fry 07:00-19:00",
        "--schedule=Mon-Fri 07:00-25:00"
      })
  void anOptionItCannotReadIsOneLineAndExitCodeTwo(String arg) {
    int exit = launch("--headless", "--data=" + data, arg);

    assertEquals(2, exit);
    String message = err.toString();
    assertTrue(message.startsWith("account-wall: "), message);
    assertTrue(message.endsWith(" (see --help)" + System.lineSeparator()), message);
    assertEquals(1, message.lines().count(), message);
    assertTrue(
        message.contains(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg), message);
    assertEquals("", out.toString(), "no usage dump");
  }

  private int launch(String... args) {
    CommandLine commandLine = Launcher.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
