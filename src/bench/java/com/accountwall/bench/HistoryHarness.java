package com.accountwall.bench;

import com.accountwall.Wall;
import com.accountwall.WallOptions;
import com.accountwall.core.CoarseClock;
import com.accountwall.journal.Reprojection;
import com.accountwall.store.AccountDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The order history at size: bytes on disk per row, a start from the checkpoint and the rows after
 * it, a re-projection under another lifetime, and the deletion of a day of history.
 *
 * <p>It fills a fresh embedded database directly: {@code --rows} history rows (default 10,000,000)
 * spread evenly over the last 7 days across {@code --accounts} accounts (default 1,000,000, ids in
 * turn, so every account orders in the last day), a checkpoint of the accounts live under 24 h up
 * to all but the last {@code --tail} rows (default 100,000). Then, on the wall clock:
 *
 * <ul>
 *   <li>{@code Wall.start} under the 24 h lifetime: the checkpoint read, the tail replayed, every
 *       account restored;
 *   <li>a change to {@code --lifetime} (default 12 h) until the wall shows it: the rows the
 *       accounts live under it depend on read in the background into new chains (under a lifetime
 *       of days, every row), the rows since linked, the wall brought to agree;
 *   <li>deleting the oldest day's rows in the writer's steps of 10,000 rows, each its own
 *       transaction, on the wall's database after it stopped.
 * </ul>
 *
 * <p>Run:
 *
 * <pre>
 * mvn -q -B -Pbench test-compile exec:exec -Dbench.main=com.accountwall.bench.HistoryHarness -Dbench.args="--rows 10000000 --accounts 1000000"
 * </pre>
 */
public final class HistoryHarness {
  private static final int INSERTS_PER_BATCH = 10_000;
  private static final long DAY_MILLIS = TimeUnit.DAYS.toMillis(1);
  private static final int STEP_ROWS = 10_000;

  private HistoryHarness() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        ApiLoadHarness.options(args, "--rows", "--accounts", "--tail", "--lifetime", "--dir");
    int rows = ApiLoadHarness.intOption(options, "--rows", 10_000_000, 1);
    int accounts = ApiLoadHarness.intOption(options, "--accounts", 1_000_000, 1);
    int tail = ApiLoadHarness.intOption(options, "--tail", 100_000, 0);
    Duration lifetime = Duration.parse(options.getOrDefault("--lifetime", "PT12H"));
    Path parent = Path.of(options.getOrDefault("--dir", System.getProperty("java.io.tmpdir")));
    System.out.printf(
        "JDK %s, %d cores, max heap %,d MB; %,d history rows, %,d accounts, a tail of %,d%n",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        rows,
        accounts,
        tail);
    Path data = Files.createTempDirectory(parent, "account-wall-history-");
    try {
      long now = System.currentTimeMillis();
      long fillStart = System.nanoTime();
      String url = AccountDatabase.embeddedUrl(data);
      populate(url, rows, accounts, tail, now);
      Path file = data.resolve("account-wall.db");
      long bytes = Files.size(file);
      System.out.printf(
          "filled in %,d ms: %,d MB, %.1f bytes per history row (checkpoint included)%n",
          millisSince(fillStart), bytes >> 20, (double) bytes / rows);

      try (CoarseClock clock = new CoarseClock()) {
        WallOptions start =
            WallOptions.parse("--headless", "--port=0", "--data=" + data, "--token=t", "--rate=0");
        long begin = System.nanoTime();
        try (Wall wall = Wall.start(start, clock)) {
          System.out.printf(
              "start from the checkpoint and %,d rows after it: %,d ms, %,d live accounts%n",
              tail, millisSince(begin), wall.supervisor().count());
          begin = System.nanoTime();
          wall.orders().changeLifetime(lifetime);
          long read = 0;
          for (; ; ) {
            Optional<Reprojection> progress = wall.orders().reprojection();
            if (progress.isPresent()) {
              read = Math.max(read, progress.get().read());
            } else if (wall.supervisor().lifetime().equals(lifetime)) {
              break;
            }
            TimeUnit.MILLISECONDS.sleep(5); // a harness polls; tests wait on conditions
          }
          System.out.printf(
              "re-projection under %s, about %,d of the %,d rows read: %,d ms, %,d live accounts"
                  + " after%n",
              lifetime.toHours() + " h", read, rows, millisSince(begin), wall.supervisor().count());
        }
      }
      deleteOldestDay(url, now);
    } finally {
      ApiLoadHarness.deleteTree(data);
    }
  }

  private static void populate(String url, int rows, int accounts, int tail, long now)
      throws SQLException {
    try (AccountDatabase schema = AccountDatabase.open(url)) {
      // opened for its migrations only
    }
    long span = 7 * DAY_MILLIS;
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO order_history (seq, account_id, quantity, ordered_at) VALUES (?, ?, ?, ?)");
        PreparedStatement live =
            connection.prepareStatement(
                "INSERT INTO live_accounts (account_id, widgets_sold, last_order_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (account_id) DO UPDATE SET widgets_sold = widgets_sold + 1,"
                    + " last_order_at = excluded.last_order_at");
        Statement mark = connection.createStatement()) {
      connection.setAutoCommit(false);
      long checkpointed = rows - (long) tail;
      for (long seq = 1; seq <= rows; seq++) {
        long at = now - span + span * seq / rows;
        long id = 1 + (seq - 1) % accounts;
        insert.setLong(1, seq);
        insert.setLong(2, id);
        insert.setLong(3, 1);
        insert.setLong(4, at);
        insert.addBatch();
        if (seq
            <= checkpointed) { // an account orders every 16.8 h: under 24 h, its one chain holds
          // all its orders
          live.setLong(1, id);
          live.setLong(2, 1);
          live.setLong(3, at);
          live.addBatch();
        }
        if (seq % INSERTS_PER_BATCH == 0) {
          insert.executeBatch();
          live.executeBatch();
        }
      }
      insert.executeBatch();
      live.executeBatch();
      mark.executeUpdate(
          "UPDATE history_checkpoint SET up_to_seq = "
              + checkpointed
              + ", lifetime_millis = "
              + DAY_MILLIS
              + ", taken_at = "
              + now
              + " WHERE id = 1");
      connection.commit();
    }
  }

  /**
   * Deletes the rows of the oldest day as the writer's retention does: steps of 10,000 rows, a
   * transaction each.
   */
  private static void deleteOldestDay(String url, long now) throws SQLException {
    long before = now - 6 * DAY_MILLIS;
    long begin = System.nanoTime();
    long deleted = 0;
    int steps = 0;
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement first =
            connection.prepareStatement("SELECT MIN(seq) FROM order_history");
        PreparedStatement step =
            connection.prepareStatement(
                "DELETE FROM order_history WHERE seq < ? AND ordered_at < ?")) {
      try (Statement pragma = connection.createStatement()) {
        pragma.execute("PRAGMA journal_mode=WAL");
        pragma.execute("PRAGMA synchronous=FULL");
      }
      connection.setAutoCommit(false);
      for (; ; ) {
        long firstSeq;
        try (var row = first.executeQuery()) {
          row.next();
          firstSeq = row.getLong(1);
        }
        step.setLong(1, firstSeq + STEP_ROWS);
        step.setLong(2, before);
        int rows = step.executeUpdate();
        connection.commit();
        steps++;
        deleted += rows;
        if (rows < STEP_ROWS) {
          break;
        }
      }
    }
    long millis = millisSince(begin);
    System.out.printf(
        "deleting the oldest day: %,d rows in %,d steps, %,d ms (%.2f ms a step)%n",
        deleted, steps, millis, (double) millis / steps);
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
