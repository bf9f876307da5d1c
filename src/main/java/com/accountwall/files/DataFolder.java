package com.accountwall.files;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;

/**
 * A data folder claimed by one running wall, so that two walls never share one database, token and
 * settings. {@link #claim} creates the folder if it is missing (0700 on POSIX, see {@link
 * OwnerOnly}) and takes an operating-system lock on its {@value #LOCK_FILE} file, which then
 * records the owner's pid. The lock lasts until {@link #close}, or until the process ends in any
 * way: the operating system drops it even on {@code kill -9} or a power cut, so there is never a
 * stale lock to clear by hand. A start that finds the folder claimed reads nothing but the lock
 * file and writes nothing at all.
 *
 * <p>The lock file is never deleted: a third wall could otherwise lock a new file of that name
 * while a second still holds the old one, and two walls would own the folder.
 *
 * <p>Thread-safe.
 */
public final class DataFolder implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DataFolder.class.getName());
  static final String LOCK_FILE = ".lock";

  /**
   * The byte locked, far past the pid: Windows locks are mandatory, and a refused start must still
   * be able to read the pid to name the owner. On POSIX a lock past the end of a file is as good.
   */
  private static final long LOCKED_BYTE = Long.MAX_VALUE - 1;

  private final Path path;
  private final FileChannel channel;

  private DataFolder(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /**
   * Claims {@code folder} for this process, creating it if it is missing.
   *
   * @throws InUseException if another wall, in this process or another, has it
   * @throws IOException if the folder or its lock file cannot be created or locked
   */
  public static DataFolder claim(Path folder) throws IOException, InUseException {
    Path absolute = folder.toAbsolutePath();
    OwnerOnly.createFolder(absolute);
    Path lockFile = absolute.resolve(LOCK_FILE);
    FileChannel channel =
        FileChannel.open(
            lockFile,
            EnumSet.of(
                StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE),
            OwnerOnly.fileAttributes(lockFile));
    try {
      if (!tryLock(channel)) {
        throw new InUseException(absolute, recordedPid(channel));
      }
      recordPid(channel);
      return new DataFolder(absolute, channel);
    } catch (IOException | InUseException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The folder, as an absolute path. */
  public Path path() {
    return path;
  }

  /**
   * Releases the folder for the next wall. Idempotent. A failure is only logged: it can come only
   * from a process on its way out, whose end releases the lock anyway.
   */
  @Override
  public void close() {
    try {
      channel.close(); // releases the lock with it
    } catch (IOException e) {
      LOG.log(
          Level.WARNING,
          "cannot release the data folder " + path + "; it is released when the process ends",
          e);
    }
  }

  /** Whether this process now holds the lock, which then lasts as long as the channel is open. */
  private static boolean tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock(LOCKED_BYTE, 1, false) != null;
    } catch (OverlappingFileLockException e) {
      return false; // another wall in this very process holds it
    }
  }

  /** Not forced to disk: the pid only names a running owner, and a power cut ends it. */
  private static void recordPid(FileChannel channel) throws IOException {
    channel.truncate(0);
    ByteBuffer pid = StandardCharsets.US_ASCII.encode(ProcessHandle.current().pid() + "\n");
    while (pid.hasRemaining()) {
      channel.write(pid, pid.position());
    }
  }

  /** The owner's pid, or null if it has not written it yet (or the file is not one of ours). */
  private static Long recordedPid(FileChannel channel) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(32);
    channel.read(bytes, 0);
    try {
      return Long.valueOf(StandardCharsets.US_ASCII.decode(bytes.flip()).toString().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Another wall owns the folder; the message names the folder and, when known, the owner's pid.
   */
  public static final class InUseException extends Exception {
    private static final long serialVersionUID = 1L;

    InUseException(Path folder, Long ownerPid) {
      super(
          "the data folder "
              + folder
              + " is in use by another Account Wall ("
              + (ownerPid != null ? "pid " + ownerPid : "pid not known yet")
              + "); stop it, or give --data another folder");
    }
  }
}
