package com.accountwall.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path folder;

  @Test
  void writesTheContentAndLeavesNothingAside() throws Exception {
    Path file = folder.resolve("api-token");

    AtomicFile.write(file, "secret\n".getBytes(StandardCharsets.UTF_8));

    assertEquals("secret\n", Files.readString(file));
    assertFalse(
        Files.exists(folder.resolve("api-token.partial")), "nothing is left beside the file");
  }

  @Test
  void replacesTheContentAndTheRightOfOthersToReadIt() throws Exception {
    Path file = folder.resolve("settings.properties");
    Files.writeString(file, "old and longer content");
    Files.writeString(folder.resolve("settings.properties.partial"), "left by a write cut short");
    boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (posix) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    AtomicFile.write(file, "new".getBytes(StandardCharsets.UTF_8));

    assertEquals("new", Files.readString(file));
    assertFalse(Files.exists(folder.resolve("settings.properties.partial")));
    assumeTrue(posix, "permissions are POSIX ones");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }
}
