package com.accountwall.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.WallOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WallIdTest {
  @TempDir Path data;

  @Test
  void theFirstStartMakesAnIdThatEveryLaterStartKeeps() throws IOException {
    String first = WallId.kept(data.resolve("new-folder"));

    assertEquals(first, WallId.kept(data.resolve("new-folder")));
    assertEquals(first + "\n", Files.readString(data.resolve("new-folder").resolve(WallId.FILE)));
    assertTrue(
        Files.notExists(data.resolve("new-folder").resolve(WallId.FILE + ".new")),
        "nothing left aside");
  }

  @Test
  void aFileWithoutAnIdIsReportedNotReplaced() throws IOException {
    Files.writeString(data.resolve(WallId.FILE), "not an id!\n");

    IOException e = assertThrows(IOException.class, () -> WallId.kept(data));
    assertTrue(e.getMessage().contains("holds no wall id"), e.getMessage());
    assertEquals("not an id!\n", Files.readString(data.resolve(WallId.FILE)));
  }

  @Test
  void anIdGivenByHandIsCheckedWithOneLine() {
    WallOptions.parse("--wall-id=east-1.b_2");
    CommandLine.ParameterException e =
        assertThrows(
            CommandLine.ParameterException.class, () -> WallOptions.parse("--wall-id=east 1"));
    assertEquals(
        "--wall-id: a wall id has 1 to 100 letters, digits, '.', '_' or '-', was 'east 1'",
        e.getMessage());
  }
}
