package com.accountwall.bench;

import com.accountwall.Wall;
import com.accountwall.WallOptions;
import com.accountwall.core.CoarseClock;
import com.accountwall.store.AccountDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A restart with many live accounts: how long a wall takes from {@link Wall#start} to serving, when
 * its database holds {@code --accounts} live accounts (default 1,000,000).
 *
 * <p>It fills the {@code live_accounts} table of a fresh embedded database in a temporary data
 * folder directly: {@link AccountDatabase#open} creates the schema, then one JDBC batch insert in
 * one transaction writes N rows whose last orders were 3 to 5 minutes ago (live under the default
 * 24 h lifetime). Then it measures, on the wall clock from the moment {@code Wall.start} is called:
 *
 * <ul>
 *   <li>until {@code Wall.start} returns: the database read, every account restored into the
 *       supervisor and the API listening;
 *   <li>until the first {@code GET /api/health} answers 200, as a client polling from another
 *       thread sees it (polled every {@value #POLL_MILLIS} ms, the resolution of that figure).
 * </ul>
 *
 * <p>It checks that the supervisor counts N live accounts, then closes the wall and deletes the
 * folder. The start is the first in this JVM, as a real restart is, so class loading and a cold JIT
 * are part of it. Arguments: {@code --accounts N}, {@code --dir DIR} where the temporary data
 * folder is made (the JDK's temporary folder by default). Run:
 *
 * <pre>
 * mvn -q -B -Pbench test-compile exec:exec -Dbench.main=com.accountwall.bench.RestartHarness -Dbench.args="--accounts 1000000"
 * </pre>
 *
 * <p>Bounded: the health poller stops at its first 200, after {@value #POLL_LIMIT_SECONDS} s or
 * after {@value #MAX_POLLS} attempts; it only contacts 127.0.0.1.
 */
public final class RestartHarness {
  private static final int POLL_MILLIS = 1;
  private static final int POLL_LIMIT_SECONDS = 600;
  private static final int MAX_POLLS = 1_000_000;
  private static final int INSERTS_PER_BATCH = 10_000;

  private RestartHarness() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = ApiLoadHarness.options(args, "--accounts", "--dir");
    int accounts = ApiLoadHarness.intOption(options, "--accounts", 1_000_000, 1);
    Path parent = Path.of(options.getOrDefault("--dir", System.getProperty("java.io.tmpdir")));
    System.out.printf(
        "JDK %s, %d cores, max heap %,d MB; %,d live accounts%n",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        accounts);

    Path data = Files.createTempDirectory(parent, "account-wall-restart-");
    int restored;
    try {
      long fillStart = System.nanoTime();
      populate(data, accounts, System.currentTimeMillis());
      System.out.printf(
          "database filled in %,d ms: %,d MB in %s (%s)%n",
          millisSince(fillStart),
          Files.size(data.resolve("account-wall.db")) >> 20,
          data,
          Files.getFileStore(data).type());

      int port = freeLoopbackPort();
      AtomicLong firstHealthy = new AtomicLong(-1);
      try (CoarseClock clock = new CoarseClock()) {
        WallOptions wallOptions =
            WallOptions.parse(
                "--headless",
                "--port=" + port,
                "--data=" + data,
                "--token=" + ApiLoadHarness.TOKEN);
        long start = System.nanoTime();
        Thread poller = new Thread(() -> pollHealth(port, start, firstHealthy), "health-poller");
        poller.setDaemon(true);
        poller.start();
        try (Wall wall = Wall.start(wallOptions, clock)) {
          long started = millisSince(start);
          poller.join(TimeUnit.SECONDS.toMillis(POLL_LIMIT_SECONDS + 60));
          restored = wall.supervisor().count();
          System.out.printf(
              "Wall.start returned after %,d ms with %,d live accounts%n", started, restored);
          System.out.println(
              firstHealthy.get() < 0
                  ? "GET /api/health never answered 200"
                  : String.format("first GET /api/health 200 after %,d ms", firstHealthy.get()));
        }
      }
    } finally {
      ApiLoadHarness.deleteTree(data);
    }
    if (restored != accounts) {
      System.out.printf(
          "FAILED: expected %,d live accounts, the wall has %,d%n", accounts, restored);
      System.exit(1);
    }
  }

  /** Creates the schema the wall's way, then inserts the rows in one transaction. */
  private static void populate(Path data, int accounts, long now) throws SQLException {
    String url = AccountDatabase.embeddedUrl(data);
    try (AccountDatabase schema = AccountDatabase.open(url)) {
      // opened for its migrations only
    }
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO live_accounts (account_id, widgets_sold, last_order_at) VALUES (?, ?, ?)")) {
      connection.setAutoCommit(false);
      for (long id = 1; id <= accounts; id++) {
        insert.setLong(1, id);
        insert.setLong(2, 1 + id % 50);
        insert.setLong(3, now - TimeUnit.MINUTES.toMillis(5) + id % TimeUnit.MINUTES.toMillis(2));
        insert.addBatch();
        if (id % INSERTS_PER_BATCH == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
      connection.commit();
    }
  }

  /** Polls until the first 200, and stores when it came in ms after {@code start}; bounded. */
  private static void pollHealth(int port, long start, AtomicLong firstHealthy) {
    InetSocketAddress address;
    try {
      address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port);
    } catch (IOException e) {
      return;
    }
    byte[] health = ApiLoadHarness.HttpConnection.get(address, "/api/health");
    long deadline = start + TimeUnit.SECONDS.toNanos(POLL_LIMIT_SECONDS);
    for (int poll = 0; poll < MAX_POLLS && System.nanoTime() < deadline; poll++) {
      try (ApiLoadHarness.HttpConnection connection = new ApiLoadHarness.HttpConnection(address)) {
        if (connection.exchange(health) == 200) {
          firstHealthy.set(millisSince(start));
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
    }
  }

  /**
   * A port free on 127.0.0.1 now, so the poller knows where to look before the wall says. Taken
   * from 20000-31999, below the ephemeral ranges of Linux, macOS and Windows: a client connecting
   * to an unbound port in that range can be given that very port as its own and connect to itself,
   * which would then keep the wall from binding it.
   */
  private static int freeLoopbackPort() throws IOException {
    SplittableRandom random = new SplittableRandom();
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = 20_000 + random.nextInt(12_000);
      try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
        return probe.getLocalPort();
      } catch (IOException inUse) {
        // try another
      }
    }
    throw new IOException("no free port on 127.0.0.1 in 20000-31999 after 100 attempts");
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
