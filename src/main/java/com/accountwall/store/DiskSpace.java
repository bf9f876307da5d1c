package com.accountwall.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Watches the free space of the disk that holds the embedded database, so the wall can say it is
 * nearly full before commits start failing. Nearly full is less than a fiftieth of the disk free,
 * or less than {@value #ENOUGH_BYTES} bytes on a disk large enough that a fiftieth is more.
 *
 * <p><b>Thread safety:</b> immutable; {@link #shortage()} may be called from any thread.
 */
final class DiskSpace {
  private static final long ENOUGH_BYTES = 1L << 30;
  private static final DiskSpace ELSEWHERE = new DiskSpace(null, null);

  private final FileStore store;
  private final Path folder;

  private DiskSpace(FileStore store, Path folder) {
    this.store = store;
    this.folder = folder;
  }

  /** The disk of {@code databaseFile}; for a database elsewhere (null), one that is never short. */
  static DiskSpace of(Path databaseFile) {
    if (databaseFile == null) {
      return ELSEWHERE;
    }
    Path folder = databaseFile.getParent();
    try {
      return new DiskSpace(Files.getFileStore(folder), folder);
    } catch (IOException e) {
      return ELSEWHERE; // the database opened there, so this does not happen; nothing to watch if
      // it does
    }
  }

  /** A problem to report if the disk is nearly full, else empty. */
  Optional<String> shortage() {
    if (store == null) {
      return Optional.empty();
    }
    try {
      long total = store.getTotalSpace();
      long free = store.getUsableSpace();
      if (free < Math.min(total / 50, ENOUGH_BYTES)) {
        return Optional.of(
            "the data folder's disk is nearly full: "
                + megabytes(free)
                + " of "
                + megabytes(total)
                + " free at "
                + folder);
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot tell how full the data folder's disk is: " + e.getMessage());
    }
  }

  private static String megabytes(long bytes) {
    return String.format("%.1f MB", bytes / 1e6);
  }
}
