package com.accountwall.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {
  @TempDir Path temp;

  @Test
  void aClaimCreatesTheFolderForItsOwnerAloneAndRecordsThePid() throws Exception {
    Path folder = temp.resolve("new/wall");

    try (DataFolder claimed = DataFolder.claim(folder)) {
      assertEquals(folder.toAbsolutePath(), claimed.path());
      assertEquals(
          ProcessHandle.current().pid() + "\n",
          Files.readString(folder.resolve(DataFolder.LOCK_FILE)));
      assumePosix();
      assertEquals("rwx------", permissions(folder));
      assertEquals("rw-------", permissions(folder.resolve(DataFolder.LOCK_FILE)));
    }
  }

  @Test
  void anExistingFolderKeepsItsPermissions() throws Exception {
    assumePosix();
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-x---"));

    try (DataFolder claimed = DataFolder.claim(temp)) {
      assertEquals("rwxr-x---", permissions(temp));
    }
  }

  @Test
  void aSecondClaimInTheSameProcessIsRefusedAndChangesNothing() throws Exception {
    try (DataFolder first = DataFolder.claim(temp)) {
      byte[] lockFile = Files.readAllBytes(temp.resolve(DataFolder.LOCK_FILE));

      DataFolder.InUseException refused =
          assertThrows(DataFolder.InUseException.class, () -> DataFolder.claim(temp));

      assertEquals(
          "the data folder "
              + temp.toAbsolutePath()
              + " is in use by another Account Wall (pid "
              + ProcessHandle.current().pid()
              + "); stop it, or give --data another folder",
          refused.getMessage());
      assertArrayEquals(lockFile, Files.readAllBytes(temp.resolve(DataFolder.LOCK_FILE)));
    }
  }

  @Test
  void closingReleasesTheFolderForTheNextWall() throws Exception {
    DataFolder.claim(temp).close();

    try (DataFolder next = DataFolder.claim(temp)) {
      assertEquals(temp.toAbsolutePath(), next.path());
    }
  }

  /** The operating system's lock, not just this JVM's bookkeeping, keeps a second process out. */
  @Test
  void aClaimByAnotherProcessIsRefusedNamingItsPid() throws Exception {
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                FolderHolder.class.getName(),
                temp.toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader output =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("claimed", output.readLine());

      DataFolder.InUseException refused =
          assertThrows(DataFolder.InUseException.class, () -> DataFolder.claim(temp));

      assertTrue(refused.getMessage().contains("(pid " + holder.pid() + ")"), refused.getMessage());
      holder.getOutputStream().close(); // the holder lets go when its input ends
      assertTrue(holder.waitFor(30, TimeUnit.SECONDS), "the holder exits");
      DataFolder.claim(temp).close();
    } finally {
      holder.destroyForcibly();
    }
  }

  /** Claims the folder named by its argument, says so, and holds it until its input ends. */
  public static final class FolderHolder {
    public static void main(String[] args) throws Exception {
      try (DataFolder claimed = DataFolder.claim(Path.of(args[0]))) {
        System.out.println("claimed");
        System.out.flush();
        System.in.readAllBytes();
      }
    }
  }

  private void assumePosix() {
    assumeTrue(
        temp.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "permissions are POSIX ones");
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
