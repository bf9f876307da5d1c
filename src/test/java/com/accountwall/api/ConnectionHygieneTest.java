package com.accountwall.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.Await;
import com.accountwall.Wall;
import com.accountwall.journal.OrderJournal;
import com.accountwall.journal.Receipt;
import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that hold connections without finishing requests, or without sending any, cannot take the
 * API from the others: each connection has time limits, the connections a cap, and a waiting order
 * holds no thread. Every wait here is for a condition, with a deadline.
 */
class ConnectionHygieneTest {
  private static final String TOKEN = TestWalls.TOKEN;
  private static final String AUTH = "\nAuthorization: Bearer " + TOKEN;
  private static final byte[] HEALTH =
      RawHttp.request("GET /api/health HTTP/1.1\nHost: x", new byte[0]);

  @TempDir static Path data;
  private static Wall wall;

  @BeforeAll
  static void start() throws Exception {
    wall = TestWalls.start(data);
  }

  @AfterAll
  static void stop() {
    wall.close();
  }

  /** A second API on the wall's journal, with other limits. */
  private static OrderApi api(ApiLimits limits, OrderJournal journal) throws IOException {
    OrderApi api = OrderApi.bind(new InetSocketAddress("127.0.0.1", 0), limits, null);
    api.serve(journal, wall.supervisor(), wall.display(), TOKEN);
    return api;
  }

  @Test
  void aRequestThatDoesNotArriveWholeWithinTheReadLimitIs408AndClosed() throws Exception {
    try (OrderApi api =
        api(new ApiLimits(100, Duration.ofMillis(300), Duration.ofSeconds(30)), wall.orders())) {
      for (String half :
          List.of(
              "GET /api/hea",
              "POST /api/orders HTTP/1.1\nHost: x"
                  + AUTH
                  + "\nContent-Type: application/json\nContent-Length: 17\n\n{\"accountId\"")) {
        try (RawHttp connection = new RawHttp(api.uri())) {
          connection.write(half.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII));

          RawHttp.Answer answer = connection.read();

          assertEquals(408, answer.status(), answer.body());
          assertTrue(
              answer
                  .body()
                  .startsWith("{\"error\":\"the request did not arrive whole within 300 ms"),
              answer.body());
          assertTrue(connection.closedByServer());
        }
      }
    }
  }

  @Test
  void aConnectionIdleBetweenRequestsIsClosedAfterTheIdleTimeout() throws Exception {
    try (OrderApi api =
            api(new ApiLimits(100, Duration.ofSeconds(10), Duration.ofMillis(300)), wall.orders());
        RawHttp silent = new RawHttp(api.uri());
        RawHttp keptAlive = new RawHttp(api.uri())) {
      assertEquals(200, keptAlive.exchange(HEALTH).status());

      assertTrue(silent.closedByServer(), "a connection that never sent a byte");
      assertTrue(keptAlive.closedByServer(), "a keep-alive connection after its answer");
    }
  }

  @Test
  void pastTheCapANewConnectionIsRefusedWith503AndTheOthersKeepWorking() throws Exception {
    try (OrderApi api =
        api(new ApiLimits(3, Duration.ofSeconds(10), Duration.ofSeconds(30)), wall.orders())) {
      List<RawHttp> held = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          held.add(new RawHttp(api.uri()));
        }
        Await.until(
            () -> api.openConnections() == 3,
            Duration.ofSeconds(30),
            () -> "the three connections are accepted");
        try (RawHttp fourth = new RawHttp(api.uri())) {
          RawHttp.Answer refused = fourth.read();

          assertEquals(503, refused.status());
          assertEquals("1", refused.headers().get("retry-after"));
          assertTrue(
              refused.body().startsWith("{\"error\":\"the wall has 3 connections open"),
              refused.body());
          assertTrue(fourth.closedByServer());
        }
        assertEquals(200, held.get(0).exchange(HEALTH).status());
        held.remove(0).close();
        Await.until(
            () -> api.openConnections() == 2,
            Duration.ofSeconds(30),
            () -> "a closed connection frees its place");
        try (RawHttp again = new RawHttp(api.uri())) {
          assertEquals(200, again.exchange(HEALTH).status());
        }
      } finally {
        for (RawHttp connection : held) {
          connection.close();
        }
      }
    }
  }

  @Test
  void waitingOrdersHoldNoThreadAndHealthAnswersMeanwhile() throws Exception {
    ConcurrentLinkedQueue<CompletableFuture<Receipt>> stalled = new ConcurrentLinkedQueue<>();
    OrderJournal journal =
        (OrderJournal)
            Proxy.newProxyInstance(
                OrderJournal.class.getClassLoader(),
                new Class<?>[] {OrderJournal.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "place" -> {
                        CompletableFuture<Receipt> commit = new CompletableFuture<>();
                        stalled.add(commit);
                        yield commit;
                      }
                      case "problems" -> List.of();
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    int orders = 500; // the JDK's server had 64 threads; every one of these would have held one
    try (OrderApi api =
        api(new ApiLimits(1_000, Duration.ofSeconds(10), Duration.ofSeconds(60)), journal)) {
      int threadsBefore = Thread.activeCount();
      List<RawHttp> waiting = new ArrayList<>();
      try {
        for (int i = 0; i < orders; i++) {
          RawHttp connection = new RawHttp(api.uri());
          waiting.add(connection);
          connection.write(order(1 + i));
        }
        Await.until(
            () -> stalled.size() == orders,
            Duration.ofSeconds(30),
            () -> "every order reaches the journal");

        try (RawHttp health = new RawHttp(api.uri())) {
          assertEquals(200, health.exchange(HEALTH).status());
        }
        assertTrue(
            Thread.activeCount() < threadsBefore + 16,
            "threads: " + threadsBefore + " before, " + Thread.activeCount() + " now");

        Instant expires = Instant.parse("2026-11-24T09:00:00Z");
        int i = 0;
        for (CompletableFuture<Receipt> commit : stalled) {
          commit.complete(new Receipt(1, 1 + i++, 1, expires, false));
        }
        for (RawHttp connection : waiting) {
          assertEquals(200, connection.read().status());
        }
      } finally {
        for (RawHttp connection : waiting) {
          connection.close();
        }
      }
    }
  }

  /**
   * The siege: 1,000 connections holding half requests and 10,000 idle ones. The client
   * ends of every connection are in this JVM too, so each costs two file descriptors here; the idle
   * ones are as many as the JVM's descriptor limit leaves room for, up to 10,000 (8,600 or so under
   * a limit of 20,000), and the test says how many it used.
   *
   * <p>Health's p99 must stay under the 50 ms, or, on a machine so loaded that even without
   * the siege it is not, within twice what the same traffic measured just before the siege: a
   * server that the siege stalls (the JDK's, at 64 half requests) misses both by seconds.
   */
  @Test
  void halfRequestsAndIdleConnectionsLeaveHealthAnsweringAndOrdersFlowing() throws Exception {
    UnixOperatingSystemMXBean os =
        (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    int half = 1_000;
    int idle =
        (int)
            Math.min(
                10_000,
                (os.getMaxFileDescriptorCount() - os.getOpenFileDescriptorCount() - 600) / 2
                    - half);
    assertTrue(
        idle >= 1_000, "too few file descriptors for this test: " + os.getMaxFileDescriptorCount());
    // Time limits longer than the test, so the siege is held throughout (they have a test of their
    // own).
    ApiLimits limits =
        new ApiLimits(
            ApiLimits.defaults().maxConnections(), Duration.ofSeconds(60), Duration.ofSeconds(120));
    try (OrderApi api = api(limits, wall.orders())) {
      Traffic before = traffic(api);
      List<Socket> siege = new ArrayList<>(half + idle);
      try {
        byte[] halfHeaders =
            "POST /api/orders HTTP/1.1\r\nHost: x\r\nAuthori".getBytes(StandardCharsets.US_ASCII);
        byte[] halfBody = Arrays.copyOf(order(1), order(1).length - 5);
        for (int i = 0; i < half; i++) {
          Socket socket = connect(api.uri());
          siege.add(socket);
          socket.getOutputStream().write(i % 2 == 0 ? halfHeaders : halfBody);
        }
        for (int i = 0; i < idle; i++) {
          siege.add(connect(api.uri()));
        }
        Await.until(
            () -> api.openConnections() == half + idle,
            Duration.ofSeconds(30),
            () -> "all " + (half + idle) + " connections are accepted");

        Traffic under = traffic(api);

        System.out.printf(
            "%,d half requests and %,d idle connections held: /api/health p99 %.2f ms (%.2f ms before the"
                + " siege), %,d orders acknowledged meanwhile (%,d before)%n",
            half,
            idle,
            under.healthP99Millis(),
            before.healthP99Millis(),
            under.acknowledged(),
            before.acknowledged());
        assertTrue(
            under.healthP99Millis() < Math.max(50, 2 * before.healthP99Millis()),
            "health p99 "
                + under.healthP99Millis()
                + " ms, "
                + before.healthP99Millis()
                + " ms before the siege");
        assertTrue(under.acknowledged() >= 20, "orders flowed: " + under.acknowledged());
        assertTrue(
            api.openConnections() >= half + idle,
            "the siege was still held, so the figures are under it");
      } finally {
        for (Socket socket : siege) {
          socket.close();
        }
      }
    }
  }

  /** What {@link #traffic} saw: health's p99 and the orders acknowledged meanwhile. */
  private record Traffic(double healthP99Millis, int acknowledged) {}

  /**
   * Health checks one after another on a keep-alive connection, at least 500 and for at least a
   * second, while four clients send orders.
   */
  private static Traffic traffic(OrderApi api) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(4);
    AtomicBoolean done = new AtomicBoolean();
    List<Future<Integer>> ordering = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      long account = 1_000 + c;
      ordering.add(
          clients.submit(
              () -> {
                int acknowledged = 0;
                try (RawHttp connection = new RawHttp(api.uri())) {
                  while (!done.get()) {
                    assertEquals(200, connection.exchange(order(account)).status());
                    acknowledged++;
                  }
                }
                return acknowledged;
              }));
    }
    long[] healthNanos = new long[1_000_000];
    int checks = 0;
    try (RawHttp health = new RawHttp(api.uri())) {
      long oneSecond = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
      while (checks < healthNanos.length && (checks < 500 || System.nanoTime() < oneSecond)) {
        long start = System.nanoTime();
        assertEquals(200, health.exchange(HEALTH).status());
        healthNanos[checks++] = System.nanoTime() - start;
      }
    } finally {
      done.set(true);
    }
    int acknowledged = 0;
    for (Future<Integer> client : ordering) {
      acknowledged += client.get(30, TimeUnit.SECONDS);
    }
    clients.shutdown();
    Arrays.sort(healthNanos, 0, checks);
    return new Traffic(healthNanos[checks * 99 / 100] / 1e6, acknowledged);
  }

  private static Socket connect(URI api) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(api.getHost(), api.getPort()), 10_000);
    return socket;
  }

  private static byte[] order(long accountId) {
    byte[] body = ("{\"accountId\": " + accountId + "}").getBytes(StandardCharsets.US_ASCII);
    return RawHttp.request(
        "POST /api/orders HTTP/1.1\nHost: x"
            + AUTH
            + "\nContent-Type: application/json\nContent-Length: "
            + body.length,
        body);
  }
}
