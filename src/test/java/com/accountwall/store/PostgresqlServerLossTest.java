package com.accountwall.store;

import static com.accountwall.store.EmbeddedJournalContract.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.Wall;
import com.accountwall.WallOptions;
import com.accountwall.api.ApiClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL server of a wall started with {@code --db-url} is stopped hard ({@code pg_ctl stop
 * -m immediate}) while clients send keyed orders, then started again. While it is down every order
 * is answered 503 within seconds, naming the server, and health says so; once it is back the wall
 * reconnects by itself, both its writer and its reader (key look-ups, names), and every order
 * answered 200 is stored exactly once, also those retried with their keys after a 503. Skipped
 * where PostgreSQL is not installed.
 */
@Tag("faults")
class PostgresqlServerLossTest {
  private static final String TOKEN = "pg-loss";
  private static final String SERVER_GONE = "the database server cannot be reached";
  private static final int CLIENTS = 4;
  private static final long NAMED_ID = 900;
  private static final long ANSWER_WITHIN_MILLIS = 5000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  /**
   * Every keyed order the clients sent, by key: its account (one order per account) and how it was
   * answered.
   */
  private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();

  private final Map<String, Long> unanswered = new ConcurrentHashMap<>();

  /**
   * Answers the promise forbids: another status, a 503 not naming the server, or one that took too
   * long.
   */
  private final Queue<String> wrong = new ConcurrentLinkedQueue<>();

  private final AtomicBoolean ordering = new AtomicBoolean(true);

  @Test
  void ordersAre503WhileTheServerIsDownAndSucceedOnceItIsBackEachStoredOnce() throws Exception {
    try (TestPostgres server = TestPostgres.start()) {
      String url = server.newDatabase();
      try (Wall wall =
          Wall.start(
              WallOptions.parse(
                  "--headless",
                  "--port=0",
                  "--data=" + data,
                  "--token=" + TOKEN,
                  "--db-url=" + url),
              Clock.systemUTC())) {
        execute(
            url,
            "INSERT INTO accounts (account_id, name) VALUES ("
                + NAMED_ID
                + ", 'Named in PostgreSQL')");
        ApiClient api = new ApiClient(wall.endpoint().address(), TOKEN);
        ApiClient anonymous = new ApiClient(wall.endpoint().address(), null);

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int client = 1; client <= CLIENTS; client++) {
          int id = client;
          running.add(clients.submit(() -> order(api, id)));
        }
        try {
          awaitTrue(() -> acknowledged.size() >= 40, "orders are acknowledged before the loss");
          server.stopImmediately();
          int before = unanswered.size();
          awaitTrue(
              () -> unanswered.size() >= before + 4 * CLIENTS,
              "orders are answered 503 while the server is down");
          ApiClient.Response health = anonymous.get("/api/health");
          assertEquals(503, health.status(), health.body());
          assertTrue(
              health.body().contains("orders cannot be stored: " + SERVER_GONE), health.body());

          server.restart();
          long back = System.nanoTime();
          while (api.post("{\"accountId\": " + NAMED_ID + "}", "after-restart").status() != 200) {
            assertTrue(
                System.nanoTime() - back < TimeUnit.SECONDS.toNanos(5),
                "orders succeed within 5 s of the server accepting connections");
            TimeUnit.MILLISECONDS.sleep(50); // a client's pace, not a wait for the wall
          }
          assertEquals(200, anonymous.get("/api/health").status());
          awaitTrue(
              () -> nameOf(api, NAMED_ID).equals("Named in PostgreSQL"),
              "names are read again after the restart");
          awaitTrue(
              () -> acknowledged.size() >= before + 40,
              "the clients' orders are acknowledged again");
        } finally {
          ordering.set(false);
          for (Future<?> client : running) {
            client.get(30, TimeUnit.SECONDS);
          }
          clients.shutdownNow();
        }
        assertTrue(wrong.isEmpty(), "answers the promise forbids: " + wrong);

        // Every request once more with its key: those answered 503 as their clients would retry
        // them,
        // those answered 200 as if the answer had been lost. Each must count once, whatever it was.
        for (Map<String, Long> answered : List.of(unanswered, acknowledged)) {
          for (Map.Entry<String, Long> order : answered.entrySet()) {
            ApiClient.Response retry =
                api.post("{\"accountId\": " + order.getValue() + "}", order.getKey());
            assertEquals(
                200,
                retry.status(),
                "a retry of " + order.getKey() + " with its key: " + retry.body());
          }
        }
        Map<Long, Long> widgets = api.widgetsById();
        for (long id : allSent()) {
          assertEquals(1, widgets.get(id), "account " + id + " on the wall");
        }
      }
      try (Connection connection = DriverManager.getConnection(url);
          Statement sql = connection.createStatement();
          ResultSet rows =
              sql.executeQuery(
                  "SELECT account_id, SUM(quantity) FROM order_history GROUP BY account_id")) {
        Map<Long, Long> stored = new ConcurrentHashMap<>();
        while (rows.next()) {
          stored.put(rows.getLong(1), rows.getLong(2));
        }
        for (long id : allSent()) {
          assertEquals(
              1,
              stored.get(id),
              "account " + id + " in PostgreSQL's history: acknowledged once, stored once");
        }
      }
    }
  }

  /**
   * One client: a keyed order for a new account of its own, again and again, until told to stop;
   * each answer is sorted by what it says, and any answer the promise forbids is kept to report.
   */
  private void order(ApiClient api, int client) {
    try {
      for (long n = 1; ordering.get(); n++) {
        long accountId = client * 1_000_000L + n;
        String key = "client-" + client + "-" + n;
        long started = System.nanoTime();
        ApiClient.Response answer = api.post("{\"accountId\": " + accountId + "}", key);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (millis > ANSWER_WITHIN_MILLIS) {
          wrong.add(key + " answered after " + millis + " ms");
        }
        if (answer.status() == 200) {
          acknowledged.put(key, accountId);
        } else {
          unanswered.put(key, accountId);
          if (answer.status() != 503 || !answer.body().contains(SERVER_GONE)) {
            wrong.add(key + ": " + answer);
          }
          TimeUnit.MILLISECONDS.sleep(20); // a client's pace after a 503, not a wait for the wall
        }
      }
    } catch (Exception e) {
      wrong.add("client " + client + " failed: " + e);
    }
  }

  private List<Long> allSent() {
    List<Long> ids = new ArrayList<>(acknowledged.values());
    ids.addAll(unanswered.values());
    return ids;
  }

  private static String nameOf(ApiClient api, long accountId) {
    try {
      ApiClient.Response account = api.get("/api/accounts/" + accountId);
      return account.status() == 200 ? JSON.readTree(account.body()).get("name").asText() : "";
    } catch (Exception e) {
      return "";
    }
  }

  private static void execute(String url, String update) throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        Statement sql = connection.createStatement()) {
      sql.executeUpdate(update);
    }
  }
}
