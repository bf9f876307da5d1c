package com.accountwall.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.Await;
import com.accountwall.Wall;
import com.accountwall.WallOptions;
import com.accountwall.api.ApiClient;
import com.accountwall.core.Account;
import com.accountwall.core.AccountDetails;
import com.accountwall.core.AccountListener;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.core.Order;
import com.accountwall.journal.IdempotencyKey;
import com.accountwall.journal.Receipt;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walls in cluster mode, in this JVM, on one in-JVM Kafka node: orders taken at any wall show on
 * every wall with the same counts and deadlines, a wall started later rebuilds the same state, and
 * a batch is applied whole or not at all. Walls are driven through their HTTP API; convergence is
 * awaited by polling with a deadline.
 */
class ClusterModeTest {
  private static final String TOKEN = "t";
  private static final Duration LIFETIME = Duration.ofHours(1);
  private static final Duration CONVERGENCE = Duration.ofSeconds(30);

  @TempDir Path data;
  // Record timestamps come from this clock; two hours back, so a test can move it on by hours
  // without writing timestamps from the future, which a broker may refuse.
  private final MutableClock clock =
      new MutableClock(Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS));
  private final List<Wall> walls = new ArrayList<>();
  private String topic;

  @BeforeEach
  void topic() throws Exception {
    topic = TestKafka.newTopic(3);
  }

  @AfterEach
  void stop() {
    walls.forEach(Wall::close);
  }

  private Wall startWall(String name) throws Exception {
    Wall wall =
        Wall.start(
            WallOptions.parse(
                "--headless",
                "--port=0",
                "--data=" + data.resolve(name),
                "--token=" + TOKEN,
                "--lifetime=" + LIFETIME,
                "--kafka=" + TestKafka.bootstrapServers(),
                "--topic=" + topic),
            clock);
    walls.add(wall);
    return wall;
  }

  private static ApiClient api(Wall wall) {
    return new ApiClient(wall.endpoint().address(), TOKEN);
  }

  @Test
  void ordersTakenAtEitherWallShowOnBothAlike() throws Exception {
    Wall east = startWall("east");
    Wall west = startWall("west");
    List<ApiClient> clients = List.of(api(east), api(west));
    Map<Long, Long> expected = new HashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Map<Long, Long>>> bursts = new ArrayList<>();
      for (int client = 0; client < 4; client++) {
        ApiClient api = clients.get(client % 2);
        bursts.add(pool.submit(() -> burst(api, 60)));
      }
      for (Future<Map<Long, Long>> burst : bursts) {
        burst.get().forEach((id, qty) -> expected.merge(id, qty, Long::sum));
      }
    } finally {
      pool.shutdownNow();
    }

    awaitSame(expected, east, west);
    assertEquals(details(east), details(west), "ids, names, counts and deadlines");
  }

  @Test
  void aLifetimeChangeFoldsTheLogAgainAndDestroysNothing() throws Exception {
    Wall wall = startWall("one");
    wall.orders().order(1, 2);
    clock.advance(Duration.ofMinutes(30));
    wall.orders().order(1, 3);
    wall.orders().order(2, 1);
    clock.advance(Duration.ofMinutes(50));
    wall.orders().order(3, 4);

    changeLifetime(wall, Duration.ofMinutes(10));
    assertEquals(Map.of(3L, 4L), widgets(wall), "only account 3 ordered in the last 10 min");
    changeLifetime(wall, LIFETIME);
    assertEquals(
        Map.of(1L, 5L, 2L, 1L, 3L, 4L), widgets(wall), "every order back, as the log has them");
    Instant from = clock.instant().minus(Duration.ofHours(2));
    assertEquals(
        4,
        wall.orders()
            .history(from, clock.instant().plusSeconds(60), Duration.ofHours(3))
            .get(0)
            .orders(),
        "the figures count what the follower read");
  }

  private static void changeLifetime(Wall wall, Duration lifetime) throws InterruptedException {
    wall.orders().changeLifetime(lifetime);
    Await.until(
        () ->
            wall.orders().reprojection().isEmpty() && wall.supervisor().lifetime().equals(lifetime),
        CONVERGENCE,
        () -> "the wall shows the log under " + lifetime);
  }

  private static Map<Long, Long> widgets(Wall wall) {
    Map<Long, Long> widgets = new HashMap<>();
    wall.supervisor()
        .accounts()
        .forEach(account -> widgets.put(account.id(), account.widgetsOrdered()));
    return widgets;
  }

  /** Orders from one client to one wall, each time a little later; returns the widgets per id. */
  private Map<Long, Long> burst(ApiClient api, int orders) throws Exception {
    Map<Long, Long> sent = new HashMap<>();
    for (int i = 0; i < orders; i++) {
      long id = ThreadLocalRandom.current().nextLong(1, 25);
      long qty = ThreadLocalRandom.current().nextLong(1, 5);
      clock.advance(Duration.ofMillis(7));
      assertEquals(
          200, api.post("{\"accountId\": " + id + ", \"quantity\": " + qty + "}").status());
      sent.merge(id, qty, Long::sum);
    }
    return sent;
  }

  @Test
  void remoteOrdersAndEndingsReachTheListenersAWindowFollows() throws Exception {
    Wall east = startWall("east");
    Wall west = startWall("west");
    List<String> heard = new CopyOnWriteArrayList<>();
    // The window's view model is such a listener: it shows what these events announce.
    west.supervisor()
        .addListener(
            new AccountListener() {
              @Override
              public void accountCreated(Account account) {
                heard.add("created " + account.id() + " with " + account.widgetsOrdered());
              }

              @Override
              public void accountChanged(Account account) {
                heard.add("changed " + account.id() + " to " + account.widgetsOrdered());
              }

              @Override
              public void accountEnded(Account account) {
                heard.add("ended " + account.id());
              }
            });

    post(api(east), 9, 2);
    post(api(east), 9, 1);
    assertEquals(204, api(east).delete("/api/accounts/9").status());

    await(() -> heard.size() == 3, "west heard three events, has " + heard);
    assertEquals(List.of("created 9 with 2", "changed 9 to 3", "ended 9"), heard);
  }

  @Test
  void theAnswerShowsTheOrderAlreadyApplied() throws Exception {
    Wall wall = startWall("only");
    ApiClient api = api(wall);

    assertEquals(200, api.post("{\"accountId\": 10, \"quantity\": 3}").status());
    ApiClient.Response second = api.post("{\"accountId\": 10, \"quantity\": 2}");

    assertEquals(200, second.status());
    String expiresAt = clock.instant().plus(LIFETIME).toString();
    assertEquals(
        "{\"accountId\":10,\"name\":\""
            + Account.defaultName(10)
            + "\",\"team\":null,\"widgetsSold\":5,\"expiresAt\":\""
            + expiresAt
            + "\"}",
        second.body());
    assertEquals(
        5, wall.supervisor().details(10).orElseThrow().widgetsOrdered(), "read your own write");
  }

  @Test
  void aWallStartedLaterRebuildsTheSameAccountsWithoutResurrectingEndedOnes() throws Exception {
    Wall first = startWall("first");
    ApiClient api = api(first);
    Instant start = clock.instant();
    post(api, 1, 2);
    clock.advance(Duration.ofMinutes(40));
    post(api, 2, 1);
    post(api, 1, 1);
    clock.advance(Duration.ofMinutes(40));
    post(
        api, 1,
        1); // account 1 has lived longer than a lifetime: replay must reach back for its first
    // order
    post(api, 3, 5);
    assertEquals(204, api.delete("/api/accounts/3").status());
    post(api, 4, 7);
    clock.advance(Duration.ofMinutes(30)); // account 2's deadline (start + 100 min) passes
    first.supervisor().expireDue();

    Wall later = startWall("later");

    assertEquals(details(first), details(later));
    AccountDetails one = later.supervisor().details(1).orElseThrow();
    assertEquals(4, one.widgetsOrdered());
    assertEquals(start.plus(Duration.ofMinutes(80)).plus(LIFETIME), one.expiresAt());
    assertFalse(later.supervisor().exists(2), "past its deadline");
    assertFalse(later.supervisor().exists(3), "ended by request");
    assertEquals(7, later.supervisor().details(4).orElseThrow().widgetsOrdered());

    // From here on both follow the log alike, deadlines included.
    post(api(later), 4, 1);
    awaitSame(Map.of(1L, 4L, 4L, 8L), first, later);
    assertEquals(details(first), details(later));
  }

  @Test
  void anOrderReadAfterItsAccountExpiredHereStillExtendsItAsEverywhereElse() throws Exception {
    Wall wall = startWall("late");
    Instant start = clock.instant();
    post(api(wall), 5, 2);
    clock.advance(LIFETIME);
    wall.supervisor().expireDue();
    assertFalse(wall.supervisor().exists(5));

    // Another wall's order, made a minute before the deadline, reaches this one only now.
    Instant madeAt = start.plus(LIFETIME).minus(Duration.ofMinutes(1));
    sendAsAnotherWall(5, 3, madeAt);

    awaitSame(Map.of(5L, 5L), wall);
    assertEquals(madeAt.plus(LIFETIME), wall.supervisor().details(5).orElseThrow().expiresAt());
    assertEquals(
        details(wall),
        details(startWall("replayed")),
        "as a wall that reads the log afresh has it");
  }

  /**
   * The race of issue 11: this wall's expiry has ended the account but not yet taken it out of the
   * registry (its end is being announced) when a late order, made before the deadline, is read. The
   * log says the order extends the account, and so must this wall, as one that read it in time.
   */
  @Test
  void aLateOrderReadWhileExpiryIsEndingItsAccountStillExtendsIt() throws Exception {
    Wall wall = startWall("racing");
    Instant start = clock.instant();
    post(api(wall), 5, 2);
    clock.advance(LIFETIME);
    CountDownLatch ending = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    wall.supervisor()
        .addListener(
            new AccountListener() {
              @Override
              public void accountEnded(Account account) {
                ending.countDown();
                awaitQuietly(release); // the account is ended but still in the registry meanwhile
              }
            });
    Thread expiry = new Thread(wall.supervisor()::expireDue, "test-expiry");
    expiry.start();
    assertTrue(ending.await(30, TimeUnit.SECONDS));
    assertTrue(wall.supervisor().exists(5), "ended, not yet removed");

    Instant madeAt = start.plus(LIFETIME).minus(Duration.ofMinutes(1));
    sendAsAnotherWall(5, 3, madeAt);
    // The follower has read it once it waits inside the supervisor for the ending to finish.
    await(ClusterModeTest::followerIsInTheSupervisor, "the follower applying the late order");
    release.countDown();
    expiry.join();

    awaitSame(Map.of(5L, 5L), wall);
    assertEquals(madeAt.plus(LIFETIME), wall.supervisor().details(5).orElseThrow().expiresAt());
    assertEquals(
        details(wall),
        details(startWall("replayed")),
        "as a wall that reads the log afresh has it");
  }

  private static boolean followerIsInTheSupervisor() {
    for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
      if (thread.getKey().getName().equals("kafka-log-follower")) {
        for (StackTraceElement frame : thread.getValue()) {
          if (frame.getClassName().equals(AccountSupervisor.class.getName())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes an order as another wall would, made at {@code madeAt}. */
  private void sendAsAnotherWall(long id, long quantity, Instant madeAt) throws Exception {
    JournalEvent late = JournalEvent.orders(List.of(new Order(id, quantity)), "elsewhere", 1);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
      producer
          .send(
              new ProducerRecord<>(
                  topic, null, madeAt.toEpochMilli(), Long.toString(id), late.toJson()))
          .get();
    }
  }

  @Test
  void aBatchIsAppliedWholeOnEveryWallOrNotAtAll() throws Exception {
    Wall east = startWall("east");
    Wall west = startWall("west");

    ApiClient.Response refused = api(east).post("[{\"accountId\": 100}, {\"accountId\": 0}]");
    assertEquals(400, refused.status());
    abortedTransaction(List.of(101L, 102L, 103L));

    StringBuilder batch = new StringBuilder("[");
    Map<Long, Long> expected = new HashMap<>();
    for (long id = 1; id <= 40; id++) {
      batch
          .append(id == 1 ? "" : ",")
          .append("{\"accountId\": ")
          .append(id)
          .append(", \"quantity\": 2}");
      expected.put(id, 2L);
    }
    assertEquals(
        new ApiClient.Response(200, "{\"accepted\":40}"),
        api(east).post(batch.append("]").toString()));

    awaitSame(expected, east, west);
    // The 40 ids fill all three partitions, after the aborted transaction in each: had it been
    // applied, it would be by now.
    for (Wall wall : List.of(east, west)) {
      for (long id : List.of(100L, 101L, 102L, 103L)) {
        assertFalse(wall.supervisor().exists(id), "account " + id);
      }
    }
  }

  @Test
  void keyedRequestsAndEndingsWaitingForTheirCommitHoldNoThreadEach() throws Exception {
    Wall wall = startWall("one");
    wall.orders().order(1, 1);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<CompletableFuture<Receipt>> keyed = new ArrayList<>();
    CompletableFuture<Boolean> ended;
    // Another wall's transaction left open on every partition: no read_committed reader gets past
    // it, so Kafka acknowledges the requests below but this wall cannot read them back.
    try (KafkaProducer<String, String> open = openTransaction()) {
      int before = threads.getThreadCount();
      for (int i = 0; i < 200; i++) {
        keyed.add(
            wall.orders()
                .placeOnce(
                    new IdempotencyKey("key-" + i, "body-" + i), List.of(new Order(1000 + i, 2))));
      }
      ended = wall.orders().placeEnd(1);
      int waiting = threads.getThreadCount() - before;
      assertTrue(waiting < 50, waiting + " more threads for 201 requests waiting");
      assertFalse(ended.isDone(), "an ending answered before this wall read it back");
      assertTrue(
          keyed.stream().noneMatch(CompletableFuture::isDone),
          "a keyed request answered before this wall read it back");
      open.abortTransaction();
    }

    await(
        () -> ended.isDone() && keyed.stream().allMatch(CompletableFuture::isDone),
        "every request answered once the transaction ended");
    assertTrue(ended.join(), "account 1 was live when it ended");
    for (int i = 0; i < 200; i++) {
      Receipt receipt = keyed.get(i).join();
      assertEquals(1000 + i, receipt.accountId());
      assertEquals(2, receipt.widgetsSold());
      assertFalse(receipt.repeat());
    }
    CompletableFuture<Receipt> repeat =
        wall.orders().placeOnce(new IdempotencyKey("key-7", "body-7"), List.of(new Order(1007, 2)));
    assertTrue(repeat.isDone(), "a repeat this wall knows is answered at once");
    assertEquals(keyed.get(7).join().asRepeat(), repeat.join());
  }

  /**
   * Begins a transaction on the walls' topic with an order on each of its three partitions, and
   * leaves it open.
   */
  private KafkaProducer<String, String> openTransaction() throws Exception {
    KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "open-" + topic,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
    try {
      producer.initTransactions();
      producer.beginTransaction();
      for (int partition = 0; partition < 3; partition++) {
        long id = 900 + partition;
        JournalEvent order = JournalEvent.orders(List.of(new Order(id, 1)), "elsewhere", id);
        producer
            .send(
                new ProducerRecord<>(
                    topic, partition, clock.millis(), Long.toString(id), order.toJson()))
            .get();
      }
      return producer;
    } catch (Exception e) {
      producer.close();
      throw e;
    }
  }

  /** Writes orders in a transaction on the walls' topic and aborts it. */
  private void abortedTransaction(List<Long> ids) throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafka.bootstrapServers(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            "aborting-" + topic,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.initTransactions();
      producer.beginTransaction();
      for (long id : ids) {
        JournalEvent order = JournalEvent.orders(List.of(new Order(id, 1)), "elsewhere", id);
        producer
            .send(
                new ProducerRecord<>(
                    topic, null, clock.millis(), Long.toString(id), order.toJson()))
            .get();
      }
      producer.abortTransaction();
    }
  }

  private static void post(ApiClient api, long id, long qty) throws Exception {
    assertEquals(200, api.post("{\"accountId\": " + id + ", \"quantity\": " + qty + "}").status());
  }

  private static List<AccountDetails> details(Wall wall) {
    List<AccountDetails> all = new ArrayList<>();
    for (long id : wall.supervisor().ids()) {
      wall.supervisor().details(id).ifPresent(all::add);
    }
    return all;
  }

  private static Map<Long, Long> counts(Wall wall) {
    Map<Long, Long> counts = new HashMap<>();
    details(wall).forEach(account -> counts.put(account.accountId(), account.widgetsOrdered()));
    return counts;
  }

  /** Waits until every wall shows exactly these counts. */
  private static void awaitSame(Map<Long, Long> expected, Wall... walls)
      throws InterruptedException {
    for (Wall wall : walls) {
      await(
          () -> counts(wall).equals(expected), "wall shows " + expected + ", has " + counts(wall));
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Await.until(condition, CONVERGENCE, () -> what);
  }
}
