package com.accountwall.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.accountwall.WallProcess;
import com.accountwall.api.ApiClient;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wall whose data folder is on a small tmpfs that fills up: orders are refused promptly naming
 * the cause, health says so, a batch is on disk all or not at all even after a kill -9, and once
 * space is freed orders succeed again without a restart. Mounting needs root; elsewhere it is
 * skipped, saying why.
 */
@Tag("faults")
class DiskFullTest {
  private static final String TOKEN = "disk-full";
  private static final int BATCH = 20_000;

  @TempDir Path mount;
  private Path data;
  private final List<WallProcess> walls = new ArrayList<>();

  /** A batch of orders, each for a new account of its own, sent under one key. */
  private record Batch(String key, long firstId) {
    String body() {
      StringBuilder json = new StringBuilder("[");
      for (long id = firstId; id < firstId + BATCH; id++) {
        json.append(id == firstId ? "" : ",").append("{\"accountId\":").append(id).append('}');
      }
      return json.append(']').toString();
    }

    long storedOf(Map<Long, Long> widgets) {
      long stored = 0;
      for (long id = firstId; id < firstId + BATCH; id++) {
        stored += widgets.getOrDefault(id, 0L);
      }
      return stored;
    }
  }

  @BeforeEach
  void mountSmallDisk() throws Exception {
    Process mounting =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(mounting.getInputStream().readAllBytes());
    assumeTrue(
        mounting.waitFor() == 0,
        "skipped: cannot mount a tmpfs for a full disk (needs root): " + said);
    data = mount.resolve("data");
  }

  @AfterEach
  void unmount() throws Exception {
    for (WallProcess wall : walls) {
      wall.kill();
    }
    new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor();
  }

  @Test
  void aFullDiskIsReportedAndRefusedAtOnceAndHealsWithoutARestart() throws Exception {
    WallProcess wall = start();
    ApiClient api = new ApiClient(wall.uri(), TOKEN);
    ApiClient anonymous = new ApiClient(wall.uri(), null);
    assertEquals(200, api.post("{\"accountId\": 1, \"quantity\": 5}", "before").status());

    Path filler = mount.resolve("filler");
    fill(filler);
    List<Batch> sent = new ArrayList<>();
    ApiClient.Response failed = null;
    for (int i = 0; i < 20 && failed == null; i++) {
      Batch batch = new Batch("batch-" + i, 1_000_000L * (i + 1));
      sent.add(batch);
      long started = System.nanoTime();
      ApiClient.Response answer = api.post(batch.body(), batch.key());
      if (answer.status() != 200) {
        failed = answer;
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertTrue(seconds < 5, "answered after " + seconds + " s, not at once");
      }
    }
    assertTrue(failed != null, "a full disk refused no batch of " + BATCH + " new accounts");
    assertEquals(503, failed.status(), failed.body());
    assertTrue(failed.body().contains("no space left on the data folder's disk"), failed.body());
    ApiClient.Response refused = api.post("{\"accountId\": 2}", "while-full");
    assertEquals(503, refused.status());
    assertTrue(refused.body().contains("\"outcome\":\"not applied\""), refused.body());
    ApiClient.Response health = anonymous.get("/api/health");
    assertEquals(503, health.status());
    assertTrue(health.body().contains("no space left on the data folder's disk"), health.body());

    Files.delete(filler);
    long freed = System.nanoTime();
    while (api.post("{\"accountId\": 2}", "after").status() != 200) {
      assertTrue(
          System.nanoTime() - freed < TimeUnit.SECONDS.toNanos(5),
          "orders succeed within 5 s of space freed");
      TimeUnit.MILLISECONDS.sleep(50);
    }
    assertEquals(200, anonymous.get("/api/health").status(), anonymous.get("/api/health").body());

    fill(filler);
    wall.kill();
    Files.delete(filler);
    wall = start();
    api = new ApiClient(wall.uri(), TOKEN);
    Map<Long, Long> widgets = api.widgetsById();
    for (Batch batch : sent) {
      long stored = batch.storedOf(widgets);
      assertTrue(
          stored == 0 || stored == BATCH,
          batch.key() + ": " + stored + " of " + BATCH + " on disk, not all or nothing");
    }
    assertEquals(5, widgets.get(1L));
    assertEquals(1, widgets.get(2L));

    for (Batch batch : sent) {
      assertEquals(
          200,
          api.post(batch.body(), batch.key()).status(),
          "a retry with the key of " + batch.key());
    }
    widgets = api.widgetsById();
    for (Batch batch : sent) {
      assertEquals(BATCH, batch.storedOf(widgets), batch.key() + " is counted exactly once");
    }
  }

  private WallProcess start() throws IOException {
    WallProcess wall = WallProcess.start(data, TOKEN);
    walls.add(wall);
    return wall;
  }

  /** Writes {@code filler} until the disk has no room left. */
  private static void fill(Path filler) throws IOException {
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      for (; ; ) {
        out.write(block);
      }
    } catch (IOException full) {
      if (!String.valueOf(full.getMessage()).contains("No space left")) {
        throw full;
      }
    }
  }
}
