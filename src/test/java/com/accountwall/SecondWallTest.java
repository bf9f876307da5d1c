package com.accountwall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.api.ApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault of issue 11: a second wall started on a running wall's data folder, on another port and
 * with a shorter lifetime, once deleted the first wall's acknowledged accounts. Now it must be
 * refused before it reads or writes anything, and everything acknowledged must survive a kill -9
 * and a restart of the first wall. Each wall is a JVM of its own, as an operator would start it.
 */
@Tag("faults")
class SecondWallTest {
  private static final long START_SECONDS = 60;

  @TempDir Path data;
  private final List<WallProcess> walls = new ArrayList<>();

  @AfterEach
  void killAll() throws InterruptedException {
    for (WallProcess wall : walls) {
      wall.kill();
    }
  }

  @Test
  void aSecondWallOnTheSameFolderIsRefusedAndChangesNothing() throws Exception {
    // As the window's demo buttons would have left it: the lifetime the second start
    // applied.
    Files.writeString(data.resolve("settings.properties"), "lifetime=PT30S\n");
    WallProcess first = start("--lifetime=24h");
    String token = Files.readString(data.resolve("api-token")).strip();
    ApiClient client = new ApiClient(first.uri(), token);
    assertEquals(
        200,
        client
            .post("[{\"accountId\":1,\"quantity\":10},{\"accountId\":2,\"quantity\":20}]")
            .status());
    for (long id = 3; id <= 100; id++) {
      assertEquals(200, client.post("{\"accountId\":" + id + ",\"quantity\":" + id + "}").status());
    }
    Map<String, FileState> before = snapshot();

    long started = System.nanoTime();
    Process second = WallProcess.launch(data, null, "--lifetime=2s");
    assertTrue(second.waitFor(START_SECONDS, TimeUnit.SECONDS), "the second wall stops by itself");
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertEquals(1, second.exitValue());
    assertEquals(
        "account-wall: the data folder "
            + data.toAbsolutePath()
            + " is in use by another Account Wall (pid "
            + first.pid()
            + "); stop it, or give --data another folder",
        new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    System.out.println(
        "the second wall was refused " + tookMillis + " ms after its JVM was started");
    assertEquals(
        before, snapshot(), "every file in the data folder, the lock file too, is as it was");

    first.kill();
    Map<Long, Long> accounts = new ApiClient(start("--lifetime=24h").uri(), token).widgetsById();

    assertEquals(100, accounts.size(), "every acknowledged account is back");
    assertEquals(10, accounts.get(1L));
    assertEquals(20, accounts.get(2L));
    for (long id = 3; id <= 100; id++) {
      assertEquals(id, accounts.get(id), "account " + id);
    }
  }

  private WallProcess start(String lifetime) throws IOException {
    WallProcess wall = WallProcess.start(data, null, lifetime);
    walls.add(wall);
    return wall;
  }

  /**
   * Each file of the data folder, its log folder's too, by path: its size, its bytes and when it
   * was last modified. Of SQLite's WAL index ({@code -shm}) only the size and time: it is memory
   * that the first wall's connections share through mmap, and any read of theirs (the profile
   * lookup of new accounts, which waits a moment after their orders) writes to it without changing
   * the file's time.
   */
  private Map<String, FileState> snapshot() throws IOException {
    Map<String, FileState> files = new TreeMap<>();
    try (Stream<Path> listing = Files.walk(data)) {
      for (Path file : (Iterable<Path>) listing.filter(Files::isRegularFile)::iterator) {
        files.put(
            data.relativize(file).toString(),
            new FileState(
                Files.size(file),
                file.toString().endsWith("-shm") ? null : Files.readAllBytes(file),
                Files.getLastModifiedTime(file)));
      }
    }
    return files;
  }

  /**
   * @param bytes null when they are not compared
   */
  private record FileState(long size, byte[] bytes, FileTime modified) {
    @Override
    public boolean equals(Object other) {
      return other instanceof FileState that
          && size == that.size
          && Arrays.equals(bytes, that.bytes)
          && modified.equals(that.modified);
    }

    @Override
    public int hashCode() {
      return (Long.hashCode(size) * 31 + Arrays.hashCode(bytes)) * 31 + modified.hashCode();
    }

    @Override
    public String toString() {
      return size + " bytes, modified " + modified;
    }
  }
}
