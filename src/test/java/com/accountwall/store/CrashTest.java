package com.accountwall.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.WallProcess;
import com.accountwall.api.ApiClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A headless wall in its own JVM takes orders from concurrent clients and is killed, as by a power
 * cut, in mid-stream. Started again on the same data folder, it must count every order it had
 * acknowledged. Bounded: the clients stop when the wall dies, and give up after 60 s regardless.
 */
class CrashTest {
  private static final String TOKEN = "crash-test";
  private static final int CLIENTS = 6;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 600;

  @TempDir Path data;
  private final List<WallProcess> walls = new ArrayList<>();

  @AfterEach
  void killAll() throws InterruptedException {
    for (WallProcess wall : walls) {
      wall.kill();
    }
  }

  @Test
  void everyAcknowledgedOrderSurvivesAKill() throws Exception {
    WallProcess wall = startWall();
    ApiClient api = new ApiClient(wall.uri(), TOKEN);
    Map<Long, LongAdder> acknowledged = new ConcurrentHashMap<>();
    AtomicLong acknowledgedOrders = new AtomicLong();
    CountDownLatch enough = new CountDownLatch(1);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.submit(
          () -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (int i = 0; System.nanoTime() < deadline; i++) {
              long id = 1 + (i * 7L + client) % 25;
              int quantity = 1 + i % 4;
              boolean batch = i % 5 == 0;
              String body =
                  batch
                      ? "[{\"accountId\": "
                          + id
                          + ", \"quantity\": "
                          + quantity
                          + "}, {\"accountId\": "
                          + (id + 100)
                          + "}]"
                      : "{\"accountId\": " + id + ", \"quantity\": " + quantity + "}";
              try {
                if (api.post(body).status() == 200) {
                  acknowledged.computeIfAbsent(id, k -> new LongAdder()).add(quantity);
                  if (batch) {
                    acknowledged.computeIfAbsent(id + 100, k -> new LongAdder()).add(1);
                  }
                  if (acknowledgedOrders.incrementAndGet() >= ACKNOWLEDGED_BEFORE_KILL) {
                    enough.countDown();
                  }
                }
              } catch (IOException e) {
                return; // the wall is gone
              } catch (InterruptedException e) {
                return;
              }
            }
          });
    }
    assertTrue(enough.await(60, TimeUnit.SECONDS), "the wall acknowledged too few orders to test");
    wall.kill();
    clients.shutdown();
    assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));

    WallProcess restarted = startWall();
    Map<Long, Long> restored = new ApiClient(restarted.uri(), TOKEN).widgetsById();
    acknowledged.forEach(
        (id, quantity) ->
            assertTrue(
                restored.getOrDefault(id, 0L) >= quantity.sum(),
                "account "
                    + id
                    + ": "
                    + quantity.sum()
                    + " acknowledged, "
                    + restored.get(id)
                    + " restored"));
    // An order in flight at the kill may be stored without having been acknowledged, so the wall
    // may know more accounts than the clients were told of, never fewer.
    assertTrue(
        restored.keySet().containsAll(acknowledged.keySet()), "no acknowledged account lost");
  }

  private WallProcess startWall() throws IOException {
    WallProcess wall = WallProcess.start(data, TOKEN);
    walls.add(wall);
    return wall;
  }
}
