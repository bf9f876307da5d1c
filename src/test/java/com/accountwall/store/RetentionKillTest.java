package com.accountwall.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.WallProcess;
import com.accountwall.api.ApiClient;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wall that keeps one second of history, writes a checkpoint every 20 ms and deletes old history
 * every 20 ms, killed with kill -9 at random moments while a client orders: retention must delete
 * only what is older than the retention, whatever moment the kill interrupts. After each kill the
 * test reads the database itself: every acknowledged order sent less than a second before must be
 * in the history, exactly as acknowledged.
 */
@Tag("faults")
class RetentionKillTest {
  private static final String TOKEN = "retention";
  private static final int KILLS = 10;
  private static final long RETENTION_MILLIS = 1000;
  private static final String[] OPTIONS = {
    "--lifetime=1s",
    "--retention=1s",
    "-Daccount-wall.checkpoint-every-millis=20",
    "-Daccount-wall.retention-every-millis=20"
  };

  @TempDir Path data;
  private volatile ApiClient wall; // null while the wall is down
  private volatile boolean stopping;

  /** Acknowledged orders: one account each, with its quantity and the time before it was sent. */
  private final List<long[]> acknowledged = new CopyOnWriteArrayList<>();

  @Test
  void retentionDeletesOnlyOlderHistoryWhereverAKillLands() throws Exception {
    long seed = System.nanoTime();
    System.out.println("retention kill seed " + seed);
    Random moments = new Random(seed);
    ExecutorService client = Executors.newSingleThreadExecutor();
    Future<?> ordering =
        client.submit(
            () -> {
              order(new Random(seed));
              return null;
            });
    try {
      for (int kill = 0; kill < KILLS; kill++) {
        WallProcess process = WallProcess.start(data, TOKEN, OPTIONS);
        wall = new ApiClient(process.uri(), TOKEN);
        TimeUnit.MILLISECONDS.sleep(
            300 + moments.nextInt(1500)); // a random moment to kill at, not a wait
        wall = null;
        process.kill();
        assertRecentOrdersKept(System.currentTimeMillis());
      }
    } finally {
      stopping = true;
      ordering.get(1, TimeUnit.MINUTES);
      client.shutdownNow();
    }
    long rows = rows("SELECT COUNT(*) FROM order_history");
    assertTrue(
        rows < acknowledged.size(),
        "retention deleted old history: "
            + rows
            + " rows are left of "
            + acknowledged.size()
            + " orders");
  }

  /**
   * Every acknowledged order sent within the retention before {@code now} is in the history as
   * acknowledged.
   */
  private void assertRecentOrdersKept(long now) throws SQLException {
    Map<Long, Long> history = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(AccountDatabase.embeddedUrl(data));
        Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery("SELECT account_id, quantity FROM order_history")) {
      while (row.next()) {
        history.merge(row.getLong(1), row.getLong(2), Long::sum);
      }
    }
    int recent = 0;
    for (long[] order : acknowledged) {
      if (order[2] > now - RETENTION_MILLIS) {
        recent++;
        assertEquals(
            order[1],
            history.getOrDefault(order[0], 0L),
            "account " + order[0] + ", acknowledged " + (now - order[2]) + " ms before the check");
      }
    }
    System.out.println(
        recent
            + " recent acknowledged orders kept, "
            + history.size()
            + " accounts in the history");
  }

  /**
   * Orders one account each, with a key, retrying an unanswered one with the same key until it is
   * answered.
   */
  private void order(Random random) throws Exception {
    for (long id = 1; !stopping; id++) {
      long quantity = 1 + random.nextInt(5);
      String body = "{\"accountId\":" + id + ",\"quantity\":" + quantity + "}";
      long sent =
          System.currentTimeMillis(); // the first attempt's: a retry may find it stored already
      for (; ; ) {
        ApiClient api = wall;
        if (api != null) {
          try {
            if (api.post(body, "order-" + id).status() == 200) {
              acknowledged.add(new long[] {id, quantity, sent});
              break;
            }
          } catch (IOException lost) {
            // killed under the request: the retry with the same key settles it
          }
        }
        if (stopping) {
          return;
        }
        TimeUnit.MILLISECONDS.sleep(20); // until the wall is back
      }
    }
  }

  private long rows(String query) throws SQLException {
    try (Connection connection = DriverManager.getConnection(AccountDatabase.embeddedUrl(data));
        Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery(query)) {
      row.next();
      return row.getLong(1);
    }
  }
}
