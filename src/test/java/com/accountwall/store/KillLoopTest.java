package com.accountwall.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.WallProcess;
import com.accountwall.api.ApiClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wall killed with kill -9 at random moments, again and again, while clients send single orders,
 * batches and DELETEs, each order with an Idempotency-Key, and retry every request that was not
 * answered (503, or the connection lost to the kill) with the same key until it is. The wall writes
 * a checkpoint every 20 ms in small pieces, so kills land in the middle of checkpoints too. In the
 * end every account must hold exactly what its requests ordered: nothing acknowledged lost, nothing
 * counted twice; and every account that was deleted after its last order must be gone.
 */
@Tag("faults")
class KillLoopTest {
  private static final String TOKEN = "kill-loop";
  private static final int KILLS = 20;
  private static final int CLIENTS = 4;
  private static final long SHARED_ACCOUNTS = 50;

  /**
   * A checkpoint every 20 ms, so that many kills land in one, and each start reads one and the rows
   * after it.
   */
  private static final String CHECKPOINT_OFTEN = "-Daccount-wall.checkpoint-every-millis=20";

  /**
   * Pieces of 7 accounts, so that kills also land between the pieces of one, after some accounts
   * were written as of rows the checkpoint does not yet count.
   */
  private static final String CHECKPOINT_IN_SMALL_PIECES =
      "-Daccount-wall.checkpoint-piece-accounts=7";

  @TempDir Path data;
  private volatile ApiClient wall; // null while the wall is down
  private volatile boolean stopping;
  private final Map<Long, LongAdder> ordered = new ConcurrentHashMap<>();
  private final Set<Long> deleted = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();

  @Test
  void everyAcknowledgedOrderIsThereExactlyOnceAfterTwentyKills() throws Exception {
    long seed = System.nanoTime();
    System.out.println("kill loop seed " + seed);
    Random moments = new Random(seed);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      running.add(
          clients.submit(
              () -> {
                run(client, new Random(seed + client));
                return null;
              }));
    }
    try {
      for (int kill = 0; kill < KILLS; kill++) {
        WallProcess process =
            WallProcess.start(data, TOKEN, CHECKPOINT_OFTEN, CHECKPOINT_IN_SMALL_PIECES);
        wall = new ApiClient(process.uri(), TOKEN);
        TimeUnit.MILLISECONDS.sleep(
            200 + moments.nextInt(1500)); // a random moment to kill at, not a wait
        wall = null;
        process.kill();
      }
      try (WallProcess last =
          WallProcess.start(data, TOKEN, CHECKPOINT_OFTEN, CHECKPOINT_IN_SMALL_PIECES)) {
        wall = new ApiClient(last.uri(), TOKEN);
        stopping = true;
        for (Future<?> client : running) {
          client.get(
              2, TimeUnit.MINUTES); // each finishes the request it is on, retrying until answered
        }
        System.out.println(
            requests + " requests answered, " + retries + " retries, " + KILLS + " kills");
        Map<Long, Long> widgets = wall.widgetsById();
        ordered.forEach(
            (id, quantity) -> {
              if (!deleted.contains(id)) {
                assertEquals(quantity.sum(), widgets.getOrDefault(id, 0L), "account " + id);
              }
            });
        deleted.forEach(
            id -> assertFalse(widgets.containsKey(id), "account " + id + " was deleted"));
        assertTrue(requests.get() > 100, "too few requests to say anything: " + requests);
      }
    } finally {
      stopping = true;
      clients.shutdownNow();
    }
  }

  /** One client's requests, each for accounts of its own or shared, until the test stops it. */
  private void run(int client, Random random) throws Exception {
    for (long n = 0; !stopping; n++) {
      String key = "client-" + client + "-" + n;
      long own = 1_000_000L * (client + 1) + n;
      switch ((int) (n % 10)) {
        case 0, 1, 2, 3, 4, 5 -> {
          long id = 1 + random.nextInt((int) SHARED_ACCOUNTS);
          int quantity = 1 + random.nextInt(4);
          order(
              key,
              "{\"accountId\":" + id + ",\"quantity\":" + quantity + "}",
              Map.of(id, (long) quantity));
        }
        case 6, 7 -> {
          long shared = 1 + random.nextInt((int) SHARED_ACCOUNTS);
          order(
              key,
              "[{\"accountId\":"
                  + shared
                  + "},{\"accountId\":"
                  + own
                  + ",\"quantity\":2},{\"accountId\":"
                  + shared
                  + "}]",
              Map.of(shared, 2L, own, 2L));
        }
        default -> {
          order(key, "{\"accountId\":" + own + "}", Map.of(own, 1L));
          delete(own);
          deleted.add(own);
        }
      }
    }
  }

  private void order(String key, String body, Map<Long, Long> effects) throws Exception {
    for (; ; ) {
      ApiClient api = wall;
      if (api != null) {
        try {
          ApiClient.Response answer = api.post(body, key);
          if (answer.status() == 200) {
            effects.forEach(
                (id, quantity) -> ordered.computeIfAbsent(id, i -> new LongAdder()).add(quantity));
            requests.incrementAndGet();
            return;
          }
          assertEquals(503, answer.status(), answer.body());
        } catch (IOException lost) {
          // killed under the request: its outcome is unknown, and the retry below settles it
        }
        retries.incrementAndGet();
      }
      TimeUnit.MILLISECONDS.sleep(20); // until the wall is back
    }
  }

  /** Ends an account; 404 after a retry means the first attempt ended it before the kill. */
  private void delete(long accountId) throws Exception {
    for (; ; ) {
      ApiClient api = wall;
      if (api != null) {
        try {
          ApiClient.Response answer = api.delete("/api/accounts/" + accountId);
          if (answer.status() == 204 || answer.status() == 404) {
            requests.incrementAndGet();
            return;
          }
          assertEquals(503, answer.status(), answer.body());
        } catch (IOException lost) {
          // as above
        }
        retries.incrementAndGet();
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }
}
