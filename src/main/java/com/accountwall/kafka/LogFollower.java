package com.accountwall.kafka;

import com.accountwall.core.Account;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.DaemonThreads;
import com.accountwall.core.Order;
import com.accountwall.journal.AccountChains;
import com.accountwall.journal.MinuteTotals;
import com.accountwall.journal.OrderJournal;
import com.accountwall.journal.Receipt;
import com.accountwall.journal.Reprojection;
import com.accountwall.journal.TimeOfDay;
import com.accountwall.journal.WallProjection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads every partition of the order topic into this wall's {@link AccountSupervisor}: first a
 * replay that rebuilds the live accounts, then, on a thread of its own, every new event as it
 * comes. Each wall reads all partitions itself ({@code assign}, no consumer group), so every wall
 * sees every event; each partition's events are applied in log order, and as an account's events
 * share a partition, every wall applies them in the same order. Orders take the record's timestamp
 * as their time, so deadlines do not depend on when a wall read them.
 *
 * <p><b>One truth, from the log.</b> What an event does is decided by {@link AccountChains} and
 * {@link AppliedKeys}, which read nothing but the log: whether an order extends its account or
 * starts a new one, and whether a keyed part is the first of its key on its partition. The
 * supervisor is then made to agree; an account this wall's expiry ended although the log still
 * extends it is put back with the order added. So walls agree whenever their expiry ran.
 *
 * <p><b>Replay.</b> It folds the log from {@code offsetsForTimes(now − max(lifetime, KEYS_KEPT))}
 * up to the end offsets taken at start. A live account whose first order there may continue an
 * earlier chain makes it read the stretch before, each one at least twice as long as the last,
 * folded alone and joined to the later one, until no such account is left or the log begins; if it
 * had to, it folds once more from there to the end, for exact counts and keys. So each record is
 * read at most twice, whatever the lifetime: linear in the records of the stretch it needs.
 *
 * <p><b>Faults.</b> An event it cannot read or apply is logged and skipped, so one bad record does
 * not stop every wall. Anything else the consumer throws is logged; the follower backs off, makes a
 * new consumer and goes on from the next unapplied offset of each partition. Meanwhile, and while
 * Kafka is unreachable or this wall lags, {@link #problems} says so.
 *
 * <p><b>Thread safety:</b> {@link #replay} runs on the starting thread before {@link #start}; from
 * then on the consumer, the chains and the positions belong to the follower thread. {@link #close},
 * {@link #problems} and {@link #appliedKey} may be called from any thread.
 */
final class LogFollower implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LogFollower.class.getName());
  private static final Duration POLL = Duration.ofMillis(200);

  /**
   * How far back the replay reads for keys beyond {@link OrderJournal#KEYS_KEPT}: records written
   * late.
   */
  private static final Duration KEYS_MARGIN = Duration.ofMinutes(5);

  private static final long PROGRESS_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final Duration PROGRESS_TIMEOUT = Duration.ofSeconds(2);
  private static final long BEHIND_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final long MAX_BACKOFF_MILLIS = 10_000;

  private final Supplier<Consumer<String, String>> consumers;
  private final String topic;
  private final String servers;
  private final AccountSupervisor supervisor;
  private final WallProjection projection;
  private final Clock clock;
  private final String run;
  private final AppliedEvents applied;
  private long lifetimeMillis; // the follower thread's once started
  private final Thread thread;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Map<TopicPartition, Long> positions =
      new HashMap<>(); // next offset to apply, per partition
  private volatile Consumer<String, String> consumer;
  private volatile AppliedKeys keys;
  private AccountChains chains;
  private volatile MinuteTotals minutes = new MinuteTotals();
  private long recordsRead;

  /** A lifetime asked for and not yet re-projected under; the follower takes it between polls. */
  private final AtomicReference<Duration> askedLifetime = new AtomicReference<>();

  /** How far the re-projection under way has come, or null. */
  private volatile Reprojection reprojection;

  /** The records the fold under way will read, at least, for its progress. */
  private long foldTotal;

  private volatile boolean closing;
  private volatile boolean started;
  // Health, written by the follower thread, read by problems(): each null or a time while it holds.
  private volatile Problem stopped;
  private volatile Problem unreachable;
  private volatile long caughtUpNanos = System.nanoTime();
  private long lastProgressCheckNanos;
  private Map<TopicPartition, Long> endAtLastCheck = Map.of(); // the follower thread's

  /** The partitions followed, once replayed; immutable. */
  private volatile List<TopicPartition> followed = List.of();

  /**
   * Records behind the end of the log per partition at the last progress check (transaction markers
   * included); immutable, replaced whole by the follower thread, read by the meters.
   */
  private volatile Map<TopicPartition, Long> lag = Map.of();

  private record Problem(String text, Instant since) {}

  /**
   * What the replay did: how many accounts it restored, how many records it read to do so, and in
   * how many stretches (each may read up to a poll's worth of records per partition past its end).
   */
  record Replayed(int accounts, long recordsRead, int stretches) {}

  /**
   * @param consumers makes the consumer, and a new one after a failure: {@code read_committed}, no
   *     group
   * @param run names this run of the wall in the events it writes, so it answers only its own
   *     callers
   */
  LogFollower(
      Supplier<Consumer<String, String>> consumers,
      String topic,
      String servers,
      AccountSupervisor supervisor,
      Clock clock,
      String run,
      AppliedEvents applied) {
    this.consumers = consumers;
    this.topic = topic;
    this.servers = servers;
    this.supervisor = supervisor;
    this.projection = new WallProjection(supervisor);
    this.clock = clock;
    this.run = run;
    this.applied = applied;
    this.lifetimeMillis = supervisor.lifetime().toMillis();
    this.thread = DaemonThreads.named("kafka-log-follower").newThread(this::follow);
  }

  /**
   * Assigns every partition and rebuilds the live accounts and the applied keys from the log.
   *
   * @throws IllegalStateException if the topic does not exist
   */
  Replayed replay() {
    consumer = consumers.get();
    List<TopicPartition> partitions = partitions();
    consumer.assign(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    long now = clock.millis();
    int stretches = rebuild(partitions, end, now);
    end.forEach(consumer::seek);
    positions.putAll(end);
    followed = List.copyOf(partitions);
    Map<TopicPartition, Long> none = new HashMap<>();
    partitions.forEach(partition -> none.put(partition, 0L));
    lag = Map.copyOf(none); // read to the end just now
    caughtUpNanos = System.nanoTime();
    int[] restored = {0};
    try (AccountSupervisor.Restoring restoring = supervisor.restoring()) {
      chains.forEachLive(
          now,
          (id, count, last) -> {
            if (restoring.restore(id, count, Instant.ofEpochMilli(last))) {
              restored[0]++;
            }
          });
    }
    return new Replayed(restored[0], recordsRead, stretches);
  }

  /**
   * Folds the log up to {@code end} into new chains, keys and minutes: the stretch a lifetime
   * needs, and earlier ones while open chains may begin before it (see the class comment).
   *
   * @return in how many stretches it read
   */
  private int rebuild(List<TopicPartition> partitions, Map<TopicPartition, Long> end, long now) {
    long from = now - Math.max(lifetimeMillis, OrderJournal.KEYS_KEPT.plus(KEYS_MARGIN).toMillis());
    Map<TopicPartition, Long> start = offsetsAt(partitions, from, end);
    foldTotal = 0;
    start.forEach((partition, offset) -> foldTotal += end.get(partition) - offset);
    long readBefore = recordsRead;
    fold(start, end);
    int stretches = 1;
    boolean readEarlier = false;
    long window = 0;
    for (; ; ) {
      long openStart = chains.earliestOpenStart(now);
      if (openStart == Long.MAX_VALUE || openStart - lifetimeMillis >= from) {
        break;
      }
      // What the open chains need, but at least twice the stretch before: few stretches, few reads
      // wasted.
      window = Math.max(from - (openStart - lifetimeMillis), 2 * window);
      long earlierFrom = from - window;
      Map<TopicPartition, Long> earlierStart = offsetsAt(partitions, earlierFrom, start);
      if (earlierStart.equals(start)) {
        break; // the log begins here
      }
      AccountChains later = chains;
      fold(earlierStart, start);
      stretches++;
      later.continueFrom(chains);
      chains = later;
      start = earlierStart;
      from = earlierFrom;
      readEarlier = true;
    }
    if (readEarlier) {
      fold(start, end); // once more from the earliest point needed: exact counts, keys and minutes
      stretches++;
    }
    LOG.log(
        Level.DEBUG, "folded {0} records in {1} stretches", recordsRead - readBefore, stretches);
    return stretches;
  }

  private List<TopicPartition> partitions() {
    List<PartitionInfo> infos = consumer.partitionsFor(topic);
    if (infos == null || infos.isEmpty()) {
      throw new IllegalStateException(
          "the topic "
              + topic
              + " does not exist; create it first (see the README,"
              + " \"Running several walls\": replication factor 3, min.insync.replicas=2)");
    }
    List<TopicPartition> partitions = new ArrayList<>();
    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    return partitions;
  }

  void start() {
    started = true;
    thread.start();
  }

  /**
   * The key's entry as the log has it, or null if it has none younger than {@link
   * OrderJournal#KEYS_KEPT}.
   */
  AppliedKeys.Entry appliedKey(String key) {
    return keys.find(key, clock.millis());
  }

  /** What keeps this wall from following the log now, for an operator; empty while it follows. */
  List<String> problems() {
    List<String> problems = new ArrayList<>(2);
    Problem down = stopped;
    Problem away = unreachable;
    if (down != null) {
      problems.add(down.text() + ", since " + TimeOfDay.of(down.since()));
    }
    if (away != null) {
      problems.add(away.text() + " since " + TimeOfDay.of(away.since()));
    }
    long behind = System.nanoTime() - caughtUpNanos;
    if (down == null && away == null && behind > BEHIND_NANOS) {
      problems.add("log follower behind by " + TimeUnit.NANOSECONDS.toSeconds(behind) + " s");
    }
    return problems;
  }

  /** Stops following and closes the consumer. */
  @Override
  public void close() throws InterruptedException {
    closing = true;
    closed.countDown();
    Consumer<String, String> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    if (started) {
      thread.join(); // the thread closes the consumer it owns
    } else if (current != null) {
      current.close();
    }
  }

  private Map<TopicPartition, Long> offsetsAt(
      List<TopicPartition> partitions, long millis, Map<TopicPartition, Long> none) {
    Map<TopicPartition, Long> times = new HashMap<>();
    partitions.forEach(partition -> times.put(partition, Math.max(0, millis)));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (TopicPartition partition : partitions) {
      OffsetAndTimestamp at = found.get(partition);
      offsets.put(
          partition, at != null ? Math.min(at.offset(), none.get(partition)) : none.get(partition));
    }
    return offsets;
  }

  /**
   * Folds the records from {@code start} up to {@code end} into new chains and keys; a partition
   * that reaches its end is paused, so no record past it is fetched.
   */
  private void fold(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
    chains = new AccountChains(lifetimeMillis);
    keys = new AppliedKeys();
    minutes = new MinuteTotals();
    long foldStart = recordsRead;
    List<TopicPartition> reading = new ArrayList<>();
    start.forEach(
        (partition, offset) -> {
          consumer.seek(partition, offset);
          if (offset < end.get(partition)) {
            reading.add(partition);
          }
        });
    consumer.pause(start.keySet());
    consumer.resume(reading);
    while (!reading.isEmpty()) {
      Reprojection progress = reprojection;
      if (progress != null) {
        reprojection = new Reprojection(progress.lifetime(), recordsRead - foldStart, foldTotal);
      }
      for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
        recordsRead++;
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (record.offset() < end.get(partition)) {
          JournalEvent event = read(record);
          if (event != null) {
            apply(event, record.partition(), record.timestamp(), false);
          }
        }
      }
      for (var partitionsLeft = reading.iterator(); partitionsLeft.hasNext(); ) {
        TopicPartition partition = partitionsLeft.next();
        if (consumer.position(partition) >= end.get(partition)) {
          consumer.pause(List.of(partition));
          partitionsLeft.remove();
        }
      }
    }
    consumer.resume(start.keySet());
  }

  private void follow() {
    long backoffMillis = 0;
    try {
      while (!closing) {
        try {
          if (consumer == null) {
            reconnect();
          }
          Duration asked = askedLifetime.getAndSet(null);
          if (asked != null) {
            reproject(asked);
          }
          for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
            JournalEvent event = read(record);
            if (event != null) {
              applyLive(event, record);
            }
            positions.put(
                new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
          }
          checkProgress();
          stopped = null;
          backoffMillis = 0;
        } catch (WakeupException e) {
          // close() asked us to stop; the loop sees closing
        } catch (RuntimeException | Error e) {
          if (closing) {
            break;
          }
          backoffMillis = Math.min(MAX_BACKOFF_MILLIS, Math.max(500, 2 * backoffMillis));
          LOG.log(
              Level.ERROR,
              "the order log's follower failed; this wall shows no new orders until it recovers,"
                  + " trying again in "
                  + backoffMillis
                  + " ms",
              e);
          if (stopped == null) {
            stopped = new Problem("log follower stopped: " + e, Instant.now());
          }
          dropConsumer();
          closed.await(backoffMillis, TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      dropConsumer();
    }
  }

  /** A new consumer, on from the next unapplied offset of every partition. */
  private void reconnect() {
    Consumer<String, String> fresh = consumers.get();
    consumer = fresh;
    fresh.assign(positions.keySet());
    positions.forEach(fresh::seek);
    if (closing) {
      fresh.wakeup(); // close() may have missed it
    }
  }

  private void dropConsumer() {
    Consumer<String, String> current = consumer;
    consumer = null;
    if (current != null) {
      try {
        current.close(Duration.ZERO);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "closing the order log's consumer: " + e);
      }
    }
  }

  /**
   * Once a second: asks the brokers for the end of the log, to tell whether they answer and how far
   * behind this wall reads. It is caught up to the moment of a check whose end it has read: so a
   * log that keeps growing under steady orders, never read to its very end at the instant of a
   * check, is not taken for a follower that lags.
   */
  private void checkProgress() {
    long now = System.nanoTime();
    if (now - lastProgressCheckNanos < PROGRESS_CHECK_NANOS) {
      return;
    }
    long previousCheckNanos = lastProgressCheckNanos;
    lastProgressCheckNanos = now;
    Map<TopicPartition, Long> end;
    try {
      end = consumer.endOffsets(positions.keySet(), PROGRESS_TIMEOUT);
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      if (unreachable == null) {
        LOG.log(
            Level.WARNING,
            "Kafka at "
                + servers
                + " did not tell the end of the order log within "
                + PROGRESS_TIMEOUT.toSeconds()
                + " s: "
                + e.getMessage());
        unreachable =
            new Problem("Kafka unreachable at " + servers, Instant.now().minus(PROGRESS_TIMEOUT));
      }
      return;
    }
    if (unreachable != null) {
      LOG.log(Level.INFO, "Kafka at " + servers + " answers again");
    }
    unreachable = null;
    lag = behind(end);
    if (hasRead(end)) {
      caughtUpNanos = now;
    } else if (!endAtLastCheck.isEmpty() && hasRead(endAtLastCheck)) {
      caughtUpNanos = Math.max(caughtUpNanos, previousCheckNanos);
    }
    endAtLastCheck = end;
  }

  /** Per partition, how many offsets the consumer's position is short of {@code end}. */
  private Map<TopicPartition, Long> behind(Map<TopicPartition, Long> end) {
    Map<TopicPartition, Long> behind = new HashMap<>();
    end.forEach(
        (partition, offset) ->
            behind.put(partition, Math.max(0, offset - consumer.position(partition))));
    return Map.copyOf(behind);
  }

  /**
   * Records in {@code registry} a gauge per partition followed ({@code partition} tag) of the
   * records this wall is behind the end of the log, as of the last progress check (once a second
   * while Kafka answers; it holds its last value while Kafka does not). Once, after {@link
   * #replay}, from any thread.
   */
  void bindMeters(MeterRegistry registry) {
    for (TopicPartition partition : followed) {
      Gauge.builder("account.wall.kafka.consumer.lag", this, f -> f.lag.getOrDefault(partition, 0L))
          .tag("topic", partition.topic())
          .tag("partition", Integer.toString(partition.partition()))
          .description("records this wall's log follower is behind the end of the partition")
          .baseUnit("records")
          .register(registry);
    }
  }

  /** Whether the consumer has read up to {@code end} on every partition. */
  private boolean hasRead(Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
      // The consumer's position, not the next offset after the last record applied: it has passed
      // the transaction markers too, which take offsets but are never handed out.
      if (consumer.position(partition.getKey()) < partition.getValue()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Applies a record read live, answering this wall's caller if it wrote it; skips one it cannot
   * apply.
   */
  private void applyLive(JournalEvent event, ConsumerRecord<String, String> record) {
    AppliedEvent result = null;
    RuntimeException failed = null;
    try {
      result = apply(event, record.partition(), record.timestamp(), true);
    } catch (ArithmeticException e) {
      // Every wall refuses it alike: the count is the same everywhere.
      LOG.log(Level.WARNING, "order refused in record " + where(record) + ": " + e.getMessage());
      failed = e;
    } catch (RuntimeException | Error e) {
      // Applying it again would count what it applied before failing twice: skip it, loudly.
      LOG.log(
          Level.ERROR, "skipping record " + where(record) + ", which this wall failed to apply", e);
      failed = e instanceof RuntimeException failure ? failure : new IllegalStateException(e);
    }
    if (run.equals(event.wall())) {
      if (failed != null) {
        applied.failed(event.seq(), failed);
      } else {
        applied.applied(event.seq(), result);
      }
    }
  }

  /**
   * Applies an event to the chains and keys and, if {@code live}, to the supervisor.
   *
   * @return what this wall's caller gets, for the event's kind
   * @throws ArithmeticException if an order would overflow its count; the event's other orders are
   *     applied
   */
  private AppliedEvent apply(JournalEvent event, int partition, long atMillis, boolean live) {
    if (!event.isOrder()) {
      boolean wasLive = chains.end(partition, event.id(), atMillis);
      if (live) {
        supervisor.end(event.id());
      }
      return new AppliedEvent.Ended(wasLive);
    }
    JournalEvent.KeyPart key = event.key();
    AppliedKeys.Part part = key == null ? null : keys.read(key, partition, atMillis);
    if (part != null && !part.applies()) {
      AppliedKeys.Entry entry = keys.find(key.value(), atMillis);
      return new AppliedEvent.KeyedPart(
          part, key.last() && entry.receipt() != null ? entry.receipt().asRepeat() : null);
    }
    Account landed = null;
    AccountChains.Link link = null;
    ArithmeticException refused = null;
    for (Order order : event.orders()) {
      try {
        link = chains.order(partition, order.accountId(), order.quantity(), atMillis);
        minutes.add(atMillis, order.quantity());
        if (live) {
          landed = projection.order(order.accountId(), order.quantity(), atMillis, link);
        }
      } catch (ArithmeticException e) {
        refused = e;
      }
    }
    if (refused != null) {
      throw refused;
    }
    if (part == null) {
      return new AppliedEvent.Landed(landed);
    }
    Receipt receipt = null;
    if (key.last() && part == AppliedKeys.Part.FIRST) {
      Order last = event.orders().get(event.orders().size() - 1);
      receipt =
          new Receipt(
              key.accepted(),
              last.accountId(),
              link.count(),
              Instant.ofEpochMilli(link.lastMillis() + lifetimeMillis),
              false);
      keys.receipt(key.value(), receipt);
    }
    return new AppliedEvent.KeyedPart(part, receipt);
  }

  private JournalEvent read(ConsumerRecord<String, String> record) {
    try {
      return JournalEvent.parse(record.value());
    } catch (IllegalArgumentException e) {
      LOG.log(Level.ERROR, "skipping record " + where(record) + ": " + e.getMessage());
      return null;
    }
  }

  private static String where(ConsumerRecord<String, String> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }

  /** The live account with this id on this wall, or null. */
  Account whereis(long accountId) {
    return supervisor.whereis(accountId).filter(account -> !account.isEnded()).orElse(null);
  }

  /**
   * Asks the follower to project the log anew under {@code lifetime}: between two polls it folds
   * what the replay would read, up to where it has applied, into new chains, and makes the wall
   * agree with them. New records wait meanwhile; nothing is skipped.
   */
  void changeLifetime(Duration lifetime) {
    reprojection = new Reprojection(lifetime, 0, 0);
    askedLifetime.set(lifetime);
  }

  /** The re-projection asked for or under way, if any. */
  Reprojection reprojection() {
    return reprojection;
  }

  /** Orders and widgets per minute, as far back as the replay read. */
  MinuteTotals minutes() {
    return minutes;
  }

  /** On the follower thread: the re-projection {@link #changeLifetime} asked for. */
  private void reproject(Duration lifetime) {
    long started = System.nanoTime();
    lifetimeMillis = lifetime.toMillis();
    Map<TopicPartition, Long> upTo = new HashMap<>(positions);
    int stretches = rebuild(new ArrayList<>(upTo.keySet()), upTo, clock.millis());
    upTo.forEach(consumer::seek);
    supervisor.setLifetime(lifetime);
    int live = projection.reconcile(chains, clock.millis());
    if (askedLifetime.get() == null) {
      reprojection = null;
    }
    LOG.log(
        Level.INFO,
        "the wall now shows the order log under a lifetime of {0}: {1} live accounts, from {2}"
            + " stretches in {3} ms",
        lifetime,
        live,
        stretches,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }
}
