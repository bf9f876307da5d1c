package com.accountwall.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every order is in these files, so on POSIX only their owner may read them. */
class DatabaseFilesTest {
  @TempDir Path temp;

  @Test
  void theEmbeddedDatabaseAndItsWalAreForTheirOwnerAlone() throws Exception {
    assumeTrue(
        temp.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "permissions are POSIX ones");
    Path data = temp.resolve("data");

    try (AccountDatabase database = AccountDatabase.open(AccountDatabase.embeddedUrl(data))) {
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
      for (String name : List.of("account-wall.db", "account-wall.db-wal", "account-wall.db-shm")) {
        String permissions =
            PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(name)));
        assertEquals("rw-------", permissions, name);
      }
    }
  }
}
