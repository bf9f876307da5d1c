package com.accountwall.kafka;

import com.accountwall.files.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A wall's name in the cluster that outlives its process: the transactional id of its batches is
 * built from it, so a wall that starts again after dying inside a transaction fences its
 * predecessor's producer and aborts that transaction at once, instead of every wall's {@code
 * read_committed} readers waiting for the transaction timeout.
 *
 * <p>Given with {@code --wall-id}, or else kept in the file {@value #FILE} of the data folder, made
 * on first start. Two walls running with one id fence each other's batches, so each wall needs its
 * own: the data folder belongs to one wall at a time, and an id given by hand must be unique among
 * the walls.
 *
 * <p>Stateless; safe from any thread, though a wall resolves its id once at start.
 */
public final class WallId {
  static final String FILE = "wall-id";
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private WallId() {}

  /**
   * Checks an id given by hand.
   *
   * @return the id
   * @throws IllegalArgumentException naming the fault
   */
  public static String requireValid(String id) {
    if (id == null || !VALID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "a wall id has 1 to 100 letters, digits, '.', '_' or '-', was '" + id + "'");
    }
    return id;
  }

  /**
   * The id in {@code dataFolder}, made and kept there first if there is none: written aside, forced
   * to disk, moved into place atomically and the folder forced too, so a power cut leaves either no
   * file or the whole id, never a different id next time.
   *
   * @throws IOException if the file cannot be read or written; a file that holds no valid id is
   *     reported as such rather than replaced, since replacing it would unfence the old id
   */
  public static String kept(Path dataFolder) throws IOException {
    Path file = dataFolder.resolve(FILE);
    if (Files.exists(file)) {
      String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
      try {
        return requireValid(id);
      } catch (IllegalArgumentException e) {
        throw new IOException(
            file + " holds no wall id: " + e.getMessage() + "; delete it or pass --wall-id", e);
      }
    }
    String id = UUID.randomUUID().toString();
    Files.createDirectories(dataFolder);
    AtomicFile.write(file, (id + "\n").getBytes(StandardCharsets.US_ASCII));
    return id;
  }
}
