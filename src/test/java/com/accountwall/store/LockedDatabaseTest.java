package com.accountwall.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.WallProcess;
import com.accountwall.api.ApiClient;
import com.accountwall.journal.OrderJournal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another program holds the wall's database locked for longer than the acknowledgement timeout.
 * Orders are answered 503 within a few seconds, never after the whole timeout; health says why;
 * once the lock goes, orders succeed again by themselves, and retries with their keys count once.
 */
@Tag("faults")
class LockedDatabaseTest {
  private static final String TOKEN = "locked";

  @TempDir Path data;

  /** Holds the database locked from its own process until told on standard input to let go. */
  public static final class Locker {
    public static void main(String[] args) throws Exception {
      try (Connection connection = DriverManager.getConnection(args[0]);
          Statement sql = connection.createStatement()) {
        sql.execute("BEGIN EXCLUSIVE");
        System.out.println("locked");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        sql.execute("COMMIT");
      }
    }
  }

  @Test
  void ordersAre503PromptlyWhileLockedAndSucceedOnceTheLockGoes() throws Exception {
    try (WallProcess wall = WallProcess.start(data, TOKEN)) {
      ApiClient api = new ApiClient(wall.uri(), TOKEN);
      ApiClient anonymous = new ApiClient(wall.uri(), null);
      assertEquals(200, api.post("{\"accountId\": 1}", "before").status());

      Process locker =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Locker.class.getName(),
                  AccountDatabase.embeddedUrl(data))
              .redirectErrorStream(true)
              .start();
      BufferedReader said =
          new BufferedReader(
              new InputStreamReader(locker.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("locked", said.readLine());

      // Orders keep coming for longer than the acknowledgement timeout; every one is answered in
      // seconds.
      Map<String, Long> unanswered = new LinkedHashMap<>();
      long lockedUntil =
          System.nanoTime() + OrderJournal.ACKNOWLEDGE_TIMEOUT.plusSeconds(5).toNanos();
      for (long id = 100; System.nanoTime() < lockedUntil; id++) {
        long started = System.nanoTime();
        ApiClient.Response answer = api.post("{\"accountId\": " + id + "}", "order-" + id);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(503, answer.status(), answer.body());
        assertTrue(
            answer.body().contains("the database is locked by another program"), answer.body());
        assertTrue(
            millis < AccountDatabase.BUSY_TIMEOUT_MILLIS + 2000,
            "answered after " + millis + " ms");
        unanswered.put("order-" + id, id);
        ApiClient.Response health = anonymous.get("/api/health");
        assertEquals(503, health.status());
        assertTrue(
            health.body().contains("the database is locked by another program"), health.body());
        TimeUnit.MILLISECONDS.sleep(500); // a client's pace, not a wait for the wall
      }

      try (OutputStream release = locker.getOutputStream()) {
        release.write('\n');
      }
      assertTrue(locker.waitFor(10, TimeUnit.SECONDS));
      long released = System.nanoTime();
      while (api.post("{\"accountId\": 2}", "after").status() != 200) {
        assertTrue(
            System.nanoTime() - released < TimeUnit.SECONDS.toNanos(5),
            "orders succeed within 5 s of the lock's end");
        TimeUnit.MILLISECONDS.sleep(50);
      }
      assertEquals(200, anonymous.get("/api/health").status());

      for (Map.Entry<String, Long> order : unanswered.entrySet()) {
        assertEquals(
            200, api.post("{\"accountId\": " + order.getValue() + "}", order.getKey()).status());
      }
      Map<Long, Long> widgets = api.widgetsById();
      for (long id : unanswered.values()) {
        assertEquals(
            1,
            widgets.get(id),
            "account " + id + ", sent again and again with one key, counts once");
      }
    }
  }
}
