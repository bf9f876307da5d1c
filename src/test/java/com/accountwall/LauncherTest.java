package com.accountwall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.files.DataFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Starts that fail: what standard error says, the exit code, and what the log file in the data
 * folder says (only once the folder is the wall's).
 */
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
        "--schedule=Mon-Fri 07:00-25:00",
        "--team=",
        "--locale=de_DE",
        "--locale=xx-YY",
        "--team=Nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
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

  @Test
  void aStartWhosePortIsTakenSaysSoOnStandardErrorAndInTheLogFile() throws Exception {
    String output;
    int exit;
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = "--port=" + taken.getLocalPort();
      Process wall = WallProcess.launch(data, "launcher-test-token", port);
      output = new String(wall.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(wall.waitFor(30, TimeUnit.SECONDS), "the wall did not exit: " + output);
      exit = wall.exitValue();
    }

    assertEquals(1, exit, output);
    String failure = "cannot start the order API on 127.0.0.1:";
    assertTrue(
        output.lines().anyMatch(line -> line.startsWith("account-wall: " + failure)),
        "the one line on standard error: " + output);
    assertFalse(output.contains("SEVERE"), "standard error has it once, not as a log line too");
    List<String> log = Files.readAllLines(data.resolve("logs/account-wall.0.log"));
    assertTrue(
        log.stream()
            .anyMatch(
                line ->
                    line.contains(" SEVERE com.accountwall.Launcher: " + failure)
                        && line.contains("Address already in use")),
        "the log file names the failure: " + log);
    assertTrue(
        log.stream().noneMatch(line -> line.contains("launcher-test-token")),
        "the token is never logged");
    assertFalse(
        Files.exists(data.resolve("logs/account-wall.0.log.lck")), "the log file was closed");
  }

  @Test
  void aSavedSettingTheOptionsCannotRunWithIsOneLineExitCodeTwoAndInTheLogFile() throws Exception {
    Files.writeString(data.resolve("settings.properties"), "lifetime=PT48H\n");

    int exit = launch("--headless", "--port=0", "--data=" + data, "--retention=1d");

    assertEquals(2, exit);
    String refusal =
        "--retention must be at least the lifetime, 48h (saved in settings.properties)";
    assertTrue(err.toString().startsWith("account-wall: " + refusal), err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
    List<String> log = Files.readAllLines(data.resolve("logs/account-wall.0.log"));
    assertTrue(
        log.stream().anyMatch(line -> line.contains("SEVERE") && line.contains(refusal)),
        "the log file names the refusal: " + log);
  }

  @Test
  void aRefusedAccountsFileIsOneLineExitCodeTwoAndInTheLogFile() throws Exception {
    Path accounts = data.resolveSibling(data.getFileName() + "-accounts.csv");
    Files.writeString(accounts, "id,name,team\n5,Acme,\n6,Bell\u0007,\n");

    int exit = launch("--headless", "--port=0", "--data=" + data, "--import-accounts=" + accounts);

    assertEquals(2, exit);
    String refusal = accounts + " line 3, column name: control character U+0007 at character 5";
    assertEquals(
        "account-wall: "
            + refusal
            + "; nothing was imported, and the wall did not start"
            + System.lineSeparator(),
        err.toString());
    assertFalse(Files.exists(data.resolve("account-wall.db")), "nothing was stored");
    List<String> log = Files.readAllLines(data.resolve("logs/account-wall.0.log"));
    assertTrue(
        log.stream().anyMatch(line -> line.contains("SEVERE") && line.contains(refusal)),
        "the log file names the refusal: " + log);
    Files.delete(accounts);
  }

  private int launch(String... args) {
    CommandLine commandLine = Launcher.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
