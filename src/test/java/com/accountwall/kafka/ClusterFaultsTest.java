package com.accountwall.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.Await;
import com.accountwall.Wall;
import com.accountwall.WallOptions;
import com.accountwall.WallProcess;
import com.accountwall.api.ApiClient;
import com.accountwall.core.AccountDetails;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.Order;
import com.accountwall.journal.IdempotencyKey;
import com.accountwall.journal.IdempotencyKeyReusedException;
import com.accountwall.journal.JournalUnavailableException;
import com.accountwall.journal.Receipt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode against the faults a wall meets, on three Kafka nodes as separate processes: a wall
 * killed with {@code kill -9} while writing batches, a transaction left open by a wall that never
 * comes back, a broker paused with SIGSTOP, a retry with an Idempotency-Key on another wall or
 * after a restart, and the replay of a day of orders with a 30 s lifetime. Runs in the {@code
 * cluster-it} profile: {@code mvn -B -Pcluster-it test}. Nothing sleeps to wait: conditions are
 * polled with a deadline.
 */
@Tag("cluster-it")
class ClusterFaultsTest {
  private static final String TOKEN = "t";
  private static final Duration LIFETIME = Duration.ofHours(1);

  /** What issue 11 allows a lost wall to hold up the others. */
  private static final Duration MOST_STALL = Duration.ofSeconds(15);

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static BrokerProcesses brokers;
  private final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeAll
  static void startBrokers() throws Exception {
    TestKafka.quietLogs();
    brokers = BrokerProcesses.start(dir.resolve("kafka"), 3);
  }

  @AfterAll
  static void stopBrokers() throws InterruptedException {
    if (brokers != null) {
      brokers.close();
    }
  }

  @AfterEach
  void closeWalls() throws Exception {
    Collections.reverse(opened);
    for (AutoCloseable wall : opened) {
      wall.close();
    }
  }

  private static String topic(String name) throws Exception {
    brokers.createTopic(name, 3, 90_000);
    return name;
  }

  private static String[] wallArgs(String name, String topic, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--port=0",
                "--data=" + dir.resolve(name),
                "--token=" + TOKEN,
                "--lifetime=" + LIFETIME,
                "--kafka=" + brokers.bootstrapServers(),
                "--topic=" + topic));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private Wall wall(String name, String topic, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("--headless"));
    args.addAll(List.of(wallArgs(name, topic, more)));
    Wall wall = Wall.start(WallOptions.parse(args.toArray(String[]::new)), Clock.systemUTC());
    opened.add(wall);
    return wall;
  }

  private WallProcess wallProcess(String name, String topic) throws Exception {
    WallProcess wall =
        WallProcess.start(
            dir.resolve(name),
            TOKEN,
            "--lifetime=" + LIFETIME,
            "--kafka=" + brokers.bootstrapServers(),
            "--topic=" + topic);
    opened.add(wall);
    return wall;
  }

  @Test
  void aWallKilledWhileWritingBatchesHoldsUpTheOthersAtMost15sAndConvergesWhenRestarted()
      throws Exception {
    String topic = topic("killed");
    WallProcess east = wallProcess("killed-east", topic);
    Wall west = wall("killed-west", topic);
    Tally tally = new Tally();
    ConcurrentLinkedQueue<long[]> westAnswers =
        new ConcurrentLinkedQueue<>(); // {sent, answered} nanos
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      boolean toEast = c % 2 == 0;
      ApiClient api = new ApiClient(toEast ? east.uri() : west.endpoint().address(), TOKEN);
      Random random = new Random(c);
      clients.add(
          pool.submit(
              () -> {
                while (!stop.get()) {
                  List<Long> ids =
                      List.of(
                          1 + random.nextLong(30),
                          1 + random.nextLong(30),
                          1 + random.nextLong(30));
                  long sent = System.nanoTime();
                  try {
                    boolean ok = api.post(batch(ids)).status() == 200;
                    tally.count(ids, ok);
                    if (ok && !toEast) {
                      westAnswers.add(new long[] {sent, System.nanoTime()});
                    }
                  } catch (Exception e) {
                    tally.count(ids, false);
                    if (toEast) {
                      return null; // the wall is gone; its client stops
                    }
                  }
                }
                return null;
              }));
    }
    try {
      await(
          () -> tally.acknowledgedRequests.get() >= 40,
          Duration.ofSeconds(60),
          () -> "batches flowing before the kill");
      east.kill();
      long killed = System.nanoTime();

      await(
          () -> westAnswers.stream().anyMatch(answer -> answer[0] > killed),
          Duration.ofSeconds(60),
          () -> "west acknowledging a batch sent after the kill");
      long firstAfter =
          westAnswers.stream()
              .filter(answer -> answer[0] > killed)
              .mapToLong(answer -> answer[1])
              .min()
              .orElseThrow();
      Duration stall = Duration.ofNanos(firstAfter - killed);
      System.out.println(
          "kill -9 of a wall: the other acknowledged again after " + stall.toMillis() + " ms");
      assertTrue(stall.compareTo(MOST_STALL) <= 0, "west held up for " + stall);

      WallProcess restarted = wallProcess("killed-east", topic); // same data folder: same wall id
      await(
          () -> tally.acknowledgedRequests.get() >= 80,
          Duration.ofSeconds(60),
          () -> "more batches after the restart");
      stop.set(true);
      for (Future<?> client : clients) {
        client.get(2, TimeUnit.MINUTES);
      }
      ApiClient restartedApi = new ApiClient(restarted.uri(), TOKEN);
      await(
          () -> tally.explains(counts(west)) && counts(west).equals(counts(restartedApi)),
          Duration.ofSeconds(60),
          () ->
              "both walls show every acknowledged order once: " + tally + ", west " + counts(west));
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
  }

  @Test
  void aTransactionLeftOpenEndsAtTheWallsRestartOrWithin15sIfItNeverComesBack() throws Exception {
    String topic = topic("abandoned");
    Wall west = wall("abandoned-west", topic);
    KafkaSettings settings =
        new KafkaSettings(List.of(brokers.bootstrapServers().split(",")), topic);

    // A wall that dies inside a transaction and never comes back: its timeout is this version's.
    long abandoned = abandonTransaction(settings.transactionalProducer("never-back"), topic, 1000);
    west.orders().orderAll(orders(1, 2, 3, 4, 5, 6));
    Duration stall = Duration.ofNanos(System.nanoTime() - abandoned);
    System.out.println(
        "open transaction of a lost wall: the other acknowledged after "
            + stall.toMillis()
            + " ms");
    assertTrue(stall.compareTo(MOST_STALL) <= 0, "west held up for " + stall);

    // One left by the previous run of a wall, with a minute's timeout as before: its restart ends
    // it.
    Map<String, Object> previousRun = settings.transactionalProducer("comes-back");
    previousRun.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
    abandoned = abandonTransaction(previousRun, topic, 2000);
    wall("comes-back", topic, "--wall-id=comes-back");
    west.orders().orderAll(orders(1, 2, 3, 4, 5, 6));
    stall = Duration.ofNanos(System.nanoTime() - abandoned);
    System.out.println(
        "open transaction of a restarted wall: the other acknowledged after "
            + stall.toMillis()
            + " ms");
    assertTrue(stall.compareTo(MOST_STALL) <= 0, "west held up for " + stall);

    for (long id : List.of(1000L, 1001L, 1002L, 2000L, 2001L, 2002L)) {
      assertFalse(west.supervisor().exists(id), "aborted order of account " + id);
    }
  }

  /**
   * Writes an order to every partition in a transaction and leaves it open, as a process death
   * would.
   */
  private static long abandonTransaction(Map<String, Object> config, String topic, long firstId)
      throws Exception {
    KafkaProducer<String, String> producer = new KafkaProducer<>(config);
    producer.initTransactions();
    producer.beginTransaction();
    for (int partition = 0; partition < 3; partition++) {
      long id = firstId + partition;
      String event = JournalEvent.orders(List.of(new Order(id, 1)), "gone", id).toJson();
      producer.send(new ProducerRecord<>(topic, partition, Long.toString(id), event)).get();
    }
    long abandoned = System.nanoTime();
    producer.close(Duration.ZERO); // no abort: it just stops, as kill -9 stops it
    return abandoned;
  }

  @Test
  void aBrokerPausedFor20sDegradesTheWallsWhichRecoverByThemselvesWithEveryOrderOnce()
      throws Exception {
    String topic = topic("paused");
    Wall east = wall("paused-east", topic, "--wall-id=paused-east");
    Wall west = wall("paused-west", topic);
    int coordinator;
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers.bootstrapServers()))) {
      coordinator =
          admin
              .describeTransactions(List.of("account-wall-paused-east"))
              .description("account-wall-paused-east")
              .get()
              .coordinatorId();
    }
    Map<Long, Long> expected = new ConcurrentHashMap<>();
    AtomicInteger done = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> clients = new ArrayList<>();
    List<Wall> walls = List.of(east, west);
    for (int c = 0; c < 4; c++) {
      int client = c;
      clients.add(
          pool.submit(
              () -> {
                Random random = new Random(client);
                for (int request = 0; !stop.get(); request++) {
                  List<Order> orders = new ArrayList<>();
                  for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    orders.add(new Order(1 + random.nextLong(40), 1));
                  }
                  IdempotencyKey key =
                      new IdempotencyKey("client-" + client + "-" + request, orders.toString());
                  // Retried with the same key until answered, alternating walls: each request
                  // counts once.
                  for (int attempt = 0; ; attempt++) {
                    try {
                      walls.get((client + attempt) % 2).orders().orderOnce(key, orders);
                      break;
                    } catch (JournalUnavailableException e) {
                      // not answered: retry with the same key
                    }
                  }
                  orders.forEach(
                      order -> expected.merge(order.accountId(), order.quantity(), Long::sum));
                  done.incrementAndGet();
                }
                return null;
              }));
    }
    try {
      await(
          () -> done.get() >= 20, Duration.ofSeconds(60), () -> "orders flowing before the pause");
      int node = BrokerProcesses.indexOf(coordinator);
      brokers.pause(node);
      List<String> degraded = new ArrayList<>();
      long resumeAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      try {
        // While the coordinator is paused, a wall must say so; the pause itself lasts its 20 s
        // either way, as a frozen machine's would.
        await(
            () -> walls.stream().anyMatch(wall -> degraded.addAll(wall.orders().problems())),
            Duration.ofSeconds(20),
            () -> "a wall degraded while its transaction coordinator was paused");
        TimeUnit.NANOSECONDS.sleep(resumeAt - System.nanoTime());
      } finally {
        brokers.resume(node);
      }
      System.out.println("broker paused 20 s: a wall said " + degraded);

      int before = done.get();
      await(
          () -> east.orders().problems().isEmpty() && west.orders().problems().isEmpty(),
          Duration.ofSeconds(90),
          () -> "health ok again: " + east.orders().problems() + " " + west.orders().problems());
      await(() -> done.get() >= before + 20, Duration.ofSeconds(60), () -> "orders flowing again");
      stop.set(true);
      for (Future<?> client : clients) {
        client.get(3, TimeUnit.MINUTES);
      }
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
    for (Wall wall : walls) {
      await(
          () -> counts(wall).equals(expected),
          Duration.ofSeconds(60),
          () ->
              "every acknowledged order exactly once: expected "
                  + expected
                  + ", has "
                  + counts(wall));
    }
  }

  /**
   * Every broker paused for longer than the producer waits for a commit: commitTransaction times
   * out, and kafka-clients 4.1 cannot even abort after that (IllegalStateException), which used to
   * kill the writer's thread. The batch is answered, as possibly taking effect; after the brokers
   * come back the next batch is written, by a new producer; the first is there whole or not at all.
   */
  @Test
  void theBatchWriterGoesOnAfterACommitThatTimedOut() throws Exception {
    String topic = topic("commit-timeout");
    KafkaSettings settings =
        new KafkaSettings(List.of(brokers.bootstrapServers().split(",")), topic);
    AtomicInteger producersMade = new AtomicInteger();
    try (TransactionWriter writer =
        new TransactionWriter(
            () -> {
              producersMade.incrementAndGet();
              KafkaProducer<String, String> producer =
                  new KafkaProducer<>(settings.transactionalProducer("commit-timeout"));
              producer.initTransactions();
              return producer;
            })) {
      writer.write(records(topic, 1)).get(1, TimeUnit.MINUTES);
      Future<Void> stuck;
      for (int node = 0; node < 3; node++) {
        brokers.pause(node);
      }
      try {
        stuck = writer.write(records(topic, 2));
        ExecutionException failed =
            assertThrows(ExecutionException.class, () -> stuck.get(2, TimeUnit.MINUTES));
        System.out.println("commit with every broker paused: " + failed.getCause());
        assertTrue(
            ((JournalUnavailableException) failed.getCause()).mayTakeEffect(),
            "a commit was asked for");
      } finally {
        for (int node = 0; node < 3; node++) {
          brokers.resume(node);
        }
      }
      await(
          () -> accepts(settings), Duration.ofMinutes(2), () -> "the brokers taking records again");
      writer.write(records(topic, 3)).get(2, TimeUnit.MINUTES);
      assertTrue(producersMade.get() >= 2, "a new producer after the failed commit");
    }
    Map<Long, Long> written = readCommitted(settings);
    assertEquals(3, written.get(1L), "the first batch, whole");
    assertEquals(3, written.get(3L), "the batch after the failure, whole");
    assertTrue(
        written.get(2L) == null || written.get(2L) == 3,
        "the one that timed out: whole or not at all, " + written);
  }

  /** Whether a plain producer can write to every partition now (records of account 99). */
  private static boolean accepts(KafkaSettings settings) {
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings.producer())) {
      for (ProducerRecord<String, String> record : records(settings.topic(), 99)) {
        producer.send(record).get(10, TimeUnit.SECONDS);
      }
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** A batch of {@code id}'s orders on every partition. */
  private static List<ProducerRecord<String, String>> records(String topic, long id) {
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (int partition = 0; partition < 3; partition++) {
      String event = JournalEvent.orders(List.of(new Order(id, 1)), "writer-test", id).toJson();
      records.add(new ProducerRecord<>(topic, partition, Long.toString(id), event));
    }
    return records;
  }

  /** How many records of each id the topic holds, as a read_committed reader sees them. */
  private static Map<Long, Long> readCommitted(KafkaSettings settings) {
    Map<Long, Long> counts = new HashMap<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings.consumer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (int partition = 0; partition < 3; partition++) {
        partitions.add(new TopicPartition(settings.topic(), partition));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream()
          .anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(record -> counts.merge(Long.parseLong(record.key()), 1L, Long::sum));
      }
    }
    return counts;
  }

  @Test
  void aKeyCountsOnceAcrossWallsWhenTwoRaceAndAfterARestart() throws Exception {
    String topic = topic("keys");
    Wall east = wall("keys-east", topic);
    Wall west = wall("keys-west", topic);
    List<Order> batch = orders(1, 2, 3, 4, 5, 6, 7, 8, 9, 10); // all three partitions
    IdempotencyKey key = new IdempotencyKey("batch-1", "body-1");

    Receipt first = east.orders().orderOnce(key, batch);
    assertFalse(first.repeat());
    assertEquals(10, first.accepted());
    assertEquals(10, first.accountId());
    assertEquals(
        first.asRepeat(), west.orders().orderOnce(key, batch), "a repeat sent to another wall");
    assertThrows(
        IdempotencyKeyReusedException.class,
        () -> west.orders().orderOnce(new IdempotencyKey("batch-1", "body-2"), orders(11)));
    Map<Long, Long> expected = new HashMap<>();
    batch.forEach(order -> expected.merge(order.accountId(), order.quantity(), Long::sum));

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int race = 0; race < 10; race++) {
        IdempotencyKey raced = new IdempotencyKey("race-" + race, "body");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Receipt>> answers = new ArrayList<>();
        for (Wall wall : List.of(east, west)) {
          answers.add(
              pool.submit(
                  () -> {
                    go.await();
                    return wall.orders().orderOnce(raced, batch);
                  }));
        }
        go.countDown();
        Receipt a = answers.get(0).get(1, TimeUnit.MINUTES);
        Receipt b = answers.get(1).get(1, TimeUnit.MINUTES);
        assertTrue(a.repeat() != b.repeat(), "one first, one repeat: " + a + " " + b);
        assertEquals(a.asRepeat(), b.asRepeat(), "the same receipt");
        batch.forEach(order -> expected.merge(order.accountId(), order.quantity(), Long::sum));
      }
    } finally {
      pool.shutdownNow();
    }
    for (Wall wall : List.of(east, west)) {
      await(
          () -> counts(wall).equals(expected),
          Duration.ofSeconds(30),
          () -> "each key applied once: " + counts(wall));
    }

    east.close();
    Wall restarted = wall("keys-east", topic);
    assertEquals(
        first.asRepeat(), restarted.orders().orderOnce(key, batch), "a repeat after a restart");
    assertEquals(expected, counts(restarted));
  }

  @Test
  void theReplayOfADayOfOrdersWithA30sLifetimeReadsEachRecordAtMostTwice() throws Exception {
    String topic = topic("day");
    Instant now = Instant.now();
    long first = now.minus(Duration.ofHours(30)).toEpochMilli();
    Random random = new Random(1);
    int records = 0;
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            brokers.bootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG,
            20,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      // Account 1 orders every 15 s for 30 hours, so with a 30 s lifetime it never ends; others now
      // and then.
      for (long at = first; at < now.toEpochMilli(); at += 15_000) {
        producer.send(order(topic, 1, at));
        records++;
        if (random.nextInt(4) == 0) {
          producer.send(order(topic, 2 + random.nextLong(200), at));
          records++;
        }
      }
    }
    Clock replayedAt = Clock.fixed(now, ZoneOffset.UTC);
    AccountSupervisor supervisor =
        AccountSupervisor.builder().lifetime(Duration.ofSeconds(30)).clock(replayedAt).build();
    KafkaSettings settings =
        new KafkaSettings(List.of(brokers.bootstrapServers().split(",")), topic);
    LogFollower.Replayed replayed;
    try (LogFollower follower =
        new LogFollower(
            () -> new KafkaConsumer<>(settings.consumer()),
            topic,
            settings.servers(),
            supervisor,
            replayedAt,
            "replay-test",
            new AppliedEvents())) {
      replayed = follower.replay();
    }

    System.out.println("replay of " + records + " records over 30 h, lifetime 30 s: " + replayed);
    // Twice at most, plus what a poll may hand out past a stretch's end on each of the 3
    // partitions;
    // the stretches double, so there are a dozen or so, not one per lifetime (3,600 here).
    long bound = 2L * records + (long) replayed.stretches() * 3 * KafkaSettings.MAX_POLL_RECORDS;
    assertTrue(
        replayed.recordsRead() <= bound,
        replayed + " for " + records + " records, more than " + bound);
    assertTrue(replayed.stretches() <= 16, replayed + ": stretches doubling");
    AccountDetails one = supervisor.details(1).orElseThrow();
    assertEquals(
        (now.toEpochMilli() - first + 14_999) / 15_000, one.widgetsOrdered(), "its whole day");
  }

  private static ProducerRecord<String, String> order(String topic, long id, long atMillis) {
    return new ProducerRecord<>(
        topic,
        null,
        atMillis,
        Long.toString(id),
        JournalEvent.orders(List.of(new Order(id, 1)), "generator", 0).toJson());
  }

  private static List<Order> orders(long... ids) {
    List<Order> orders = new ArrayList<>();
    for (long id : ids) {
      orders.add(new Order(id, id));
    }
    return orders;
  }

  private static String batch(List<Long> ids) {
    StringBuilder json = new StringBuilder("[");
    for (long id : ids) {
      json.append(json.length() == 1 ? "" : ",").append("{\"accountId\": ").append(id).append('}');
    }
    return json.append(']').toString();
  }

  /**
   * Orders answered 200 and orders not answered (they may or may not have taken effect), per
   * account.
   */
  private static final class Tally {
    final Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
    final Map<Long, Long> unanswered = new ConcurrentHashMap<>();
    final AtomicInteger acknowledgedRequests = new AtomicInteger();

    void count(List<Long> ids, boolean ok) {
      ids.forEach(id -> (ok ? acknowledged : unanswered).merge(id, 1L, Long::sum));
      if (ok) {
        acknowledgedRequests.incrementAndGet();
      }
    }

    /** Whether {@code counts} has every acknowledged order, and nothing that was not sent. */
    boolean explains(Map<Long, Long> counts) {
      for (long id = 1; id <= 30; id++) {
        long counted = counts.getOrDefault(id, 0L);
        long acked = acknowledged.getOrDefault(id, 0L);
        if (counted < acked || counted > acked + unanswered.getOrDefault(id, 0L)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return "acknowledged " + acknowledged + ", unanswered " + unanswered;
    }
  }

  private static Map<Long, Long> counts(Wall wall) {
    Map<Long, Long> counts = new HashMap<>();
    for (long id : wall.supervisor().ids()) {
      wall.supervisor().details(id).ifPresent(account -> counts.put(id, account.widgetsOrdered()));
    }
    return counts;
  }

  private static Map<Long, Long> counts(ApiClient api) {
    try {
      Map<Long, Long> counts = new HashMap<>();
      for (JsonNode account : JSON.readTree(api.get("/api/accounts").body())) {
        counts.put(account.get("accountId").asLong(), account.get("widgetsSold").asLong());
      }
      return counts;
    } catch (Exception e) {
      return Map.of(); // not answering yet: not converged
    }
  }

  /**
   * Waits for {@code condition}; {@code what} says, when it fails, what was awaited and what there
   * is.
   */
  private static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what)
      throws InterruptedException {
    Await.until(condition, timeout, what);
  }
}
