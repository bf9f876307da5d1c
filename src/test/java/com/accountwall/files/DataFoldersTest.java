package com.accountwall.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where each platform keeps the data folder when none is given. */
class DataFoldersTest {
  private static final Path HOME = Path.of("/home/ann");

  @Test
  void linuxFollowsXdgDataHomeElseTheXdgDefault() {
    assertEquals(
        Path.of("/data/ann/account-wall"),
        DataFolders.perUser("Linux", HOME, Map.of("XDG_DATA_HOME", "/data/ann")::get));
    assertEquals(
        HOME.resolve(".local/share/account-wall"),
        DataFolders.perUser("Linux", HOME, Map.<String, String>of()::get));
    assertEquals(
        HOME.resolve(".local/share/account-wall"),
        DataFolders.perUser("Linux", HOME, Map.of("XDG_DATA_HOME", " ")::get),
        "a blank XDG_DATA_HOME is none");
  }

  @Test
  void windowsUsesLocalAppData() {
    assertEquals(
        Path.of("/appdata/local/AccountWall"),
        DataFolders.perUser("Windows 11", HOME, Map.of("LOCALAPPDATA", "/appdata/local")::get));
    assertEquals(
        HOME.resolve("AccountWall"),
        DataFolders.perUser("Windows 11", HOME, Map.<String, String>of()::get));
  }

  @Test
  void macOsUsesApplicationSupport() {
    assertEquals(
        HOME.resolve("Library/Application Support/Account Wall"),
        DataFolders.perUser("Mac OS X", HOME, Map.<String, String>of()::get));
  }
}
