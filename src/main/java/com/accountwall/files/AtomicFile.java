package com.accountwall.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Locale;

/**
 * Replaces a file's content all at once and durably, for the small files of the data folder (the
 * API token, the settings). The new content is written beside the file ({@code NAME.partial}, 0600
 * on POSIX), forced to disk, moved over the file atomically, and then the folder is forced too, so
 * that the move itself survives a power cut: afterwards the file holds the old content or the new,
 * never part of either, and once {@link #write} returns it holds the new.
 *
 * <p>Not thread-safe for one file: callers serialise the writes to the same file.
 */
public final class AtomicFile {
  /**
   * Windows cannot open a folder as a file, so there the move is only as durable as NTFS makes it.
   */
  private static final boolean FOLDERS_OPEN =
      !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private AtomicFile() {}

  /** Makes {@code content} the content of {@code file}, creating it if missing. */
  public static void write(Path file, byte[] content) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path aside = absolute.resolveSibling(absolute.getFileName() + ".partial");
    // A leftover of a write cut short; created afresh, it gets owner-only permissions whatever the
    // old one had.
    Files.deleteIfExists(aside);
    try (FileChannel channel =
        FileChannel.open(
            aside,
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            OwnerOnly.fileAttributes(aside))) {
      ByteBuffer bytes = ByteBuffer.wrap(content);
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    Files.move(
        aside, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceFolder(absolute.getParent());
  }

  private static void forceFolder(Path folder) throws IOException {
    if (FOLDERS_OPEN) {
      try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
        channel.force(true);
      }
    }
  }
}
