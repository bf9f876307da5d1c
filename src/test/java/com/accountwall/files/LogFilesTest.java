package com.accountwall.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {
  private static final Logger LOG = Logger.getLogger(LogFilesTest.class.getName());

  @TempDir Path data;

  @BeforeAll
  static void oneLinePerRecord() {
    LogFiles.prepare();
  }

  @AfterEach
  void close() {
    LogFiles.close();
  }

  @Test
  void theLogFileIsInTheDataFoldersLogFolderReadableByItsOwnerOnly() throws Exception {
    Path file = LogFiles.open(data);
    LOG.info("a line for the file");
    LogFiles.close();

    assertEquals(data.resolve("logs/account-wall.0.log"), file);
    assertTrue(
        Files.readString(file)
            .contains("INFO " + LogFilesTest.class.getName() + ": a line for the file"));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("logs"))));
  }

  @Test
  void itRotatesBySizeAndKeepsAFixedNumberOfFiles() throws Exception {
    LogFiles.open(data, 1_000, 3);
    for (int i = 0; i < 100; i++) {
      LOG.info("line " + i + " of a log that outgrows its limit many times over");
    }
    LogFiles.close();

    Path logs = data.resolve("logs");
    for (int generation = 0; generation < 3; generation++) {
      Path file = logs.resolve("account-wall." + generation + ".log");
      assertTrue(
          Files.size(file) <= 1_000 + 200, file + " stays near its limit: " + Files.size(file));
    }
    assertFalse(Files.exists(logs.resolve("account-wall.3.log")), "the oldest is deleted");
    assertTrue(
        Files.readString(logs.resolve("account-wall.0.log")).contains("line 99 "),
        "the newest is .0");
  }

  @Test
  void aPercentSignInTheFolderNameIsAName() throws Exception {
    Path folder = data.resolve("100%g");
    LogFiles.open(folder, 1_000, 2);
    LOG.info("in a folder with a percent sign");
    LogFiles.close();

    assertTrue(
        Files.readString(folder.resolve("logs/account-wall.0.log"))
            .contains("in a folder with a percent sign"));
  }
}
