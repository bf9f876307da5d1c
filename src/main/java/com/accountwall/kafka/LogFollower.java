package com.accountwall.kafka;

import com.accountwall.core.Account;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.Order;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p><b>Replay.</b> It folds the log from {@code offsetsForTimes(now − lifetime)} up to the end
 * offsets taken at start ({@link AccountChains}); a live account whose first order there might
 * continue an earlier chain makes it read further back, until no such account is left or the log
 * begins. Only accounts whose deadline is still ahead are restored.
 *
 * <p>An order read after this wall's expiry ended its account, though made before the deadline,
 * extends that account as on every wall that read it in time ({@link RecentExpiries}); so the
 * accounts are a function of the log, not of when each wall's expiry ran.
 *
 * <p>The consumer reads {@code read_committed}: a batch, written in one transaction, is seen whole
 * or not at all. An event it cannot read is logged and skipped, so one bad record does not stop
 * every wall.
 *
 * <p><b>Thread safety:</b> {@link #replay} runs on the starting thread before {@link #start}; from
 * then on the consumer belongs to the follower thread. {@link #close} may be called from any thread.
 */
final class LogFollower implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LogFollower.class.getName());
  private static final Duration POLL = Duration.ofMillis(200);

  private final Consumer<String, String> consumer;
  private final String topic;
  private final AccountSupervisor supervisor;
  private final Clock clock;
  private final String wallId;
  private final AppliedEvents applied;
  private final RecentExpiries expiries = new RecentExpiries();
  private final Thread thread;
  private volatile boolean closing;
  private volatile boolean started;

  LogFollower(Consumer<String, String> consumer, String topic, AccountSupervisor supervisor, Clock clock,
      String wallId, AppliedEvents applied) {
    this.consumer = consumer;
    this.topic = topic;
    this.supervisor = supervisor;
    this.clock = clock;
    this.wallId = wallId;
    this.applied = applied;
    this.thread = new Thread(this::follow, "kafka-log-follower");
    thread.setDaemon(true);
  }

  /**
   * Assigns every partition and rebuilds the live accounts from the log.
   *
   * @return how many accounts were restored
   * @throws IllegalStateException if the topic does not exist
   */
  int replay() {
    List<PartitionInfo> infos = consumer.partitionsFor(topic);
    if (infos == null || infos.isEmpty()) {
      throw new IllegalStateException("the topic " + topic + " does not exist; create it first (see the README,"
          + " \"Running several walls\": replication factor 3, min.insync.replicas=2)");
    }
    List<TopicPartition> partitions = new ArrayList<>();
    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    consumer.assign(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    long now = clock.millis();
    long lifetime = supervisor.lifetime().toMillis();
    long from = now - lifetime;
    Map<TopicPartition, Long> start = offsetsAt(partitions, from, end);
    AccountChains chains;
    for (;;) {
      chains = fold(start, end, lifetime);
      long openStart = chains.earliestOpenStart(now);
      if (openStart == Long.MAX_VALUE || openStart - lifetime >= from) {
        break;
      }
      from = openStart - lifetime;
      Map<TopicPartition, Long> earlier = offsetsAt(partitions, from, end);
      if (earlier.equals(start)) {
        break;
      }
      start = earlier;
    }
    end.forEach(consumer::seek);
    int[] restored = {0};
    chains.forEachLive(now, (id, count, last) -> {
      if (supervisor.restore(id, count, Instant.ofEpochMilli(last))) {
        restored[0]++;
      }
    });
    return restored[0];
  }

  void start() {
    supervisor.addListener(expiries);
    started = true;
    thread.start();
  }

  /** Stops following and closes the consumer. */
  @Override
  public void close() throws InterruptedException {
    closing = true;
    supervisor.removeListener(expiries);
    consumer.wakeup();
    if (started) {
      thread.join(); // the thread closes the consumer it owns
    } else {
      consumer.close();
    }
  }

  private Map<TopicPartition, Long> offsetsAt(List<TopicPartition> partitions, long millis, Map<TopicPartition, Long> end) {
    Map<TopicPartition, Long> times = new HashMap<>();
    partitions.forEach(partition -> times.put(partition, Math.max(0, millis)));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (TopicPartition partition : partitions) {
      OffsetAndTimestamp at = found.get(partition);
      offsets.put(partition, at != null ? at.offset() : end.get(partition)); // null: nothing that recent
    }
    return offsets;
  }

  private AccountChains fold(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end, long lifetime) {
    AccountChains chains = new AccountChains(lifetime);
    start.forEach(consumer::seek);
    while (!caughtUp(end)) {
      for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (record.offset() < end.get(partition)) {
          JournalEvent event = read(record);
          if (event != null && event.isOrder()) {
            for (Order order : event.orders()) {
              try {
                chains.order(order.accountId(), order.quantity(), record.timestamp());
              } catch (ArithmeticException e) {
                // refused, as the live apply refuses it: the count stays as it was
              }
            }
          } else if (event != null) {
            chains.end(event.id());
          }
        }
      }
    }
    return chains;
  }

  private boolean caughtUp(Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
      if (consumer.position(partition.getKey()) < partition.getValue()) {
        return false;
      }
    }
    return true;
  }

  private void follow() {
    try {
      while (!closing) {
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
          JournalEvent event = read(record);
          if (event != null) {
            apply(event, record.timestamp());
          }
        }
      }
    } catch (WakeupException e) {
      // close() asked us to stop
    } catch (RuntimeException e) {
      if (!closing) {
        LOG.log(Level.ERROR, "stopped following the order log of topic " + topic + "; this wall no longer shows new orders", e);
      }
    } finally {
      consumer.close();
    }
  }

  private void apply(JournalEvent event, long timestampMillis) {
    Object result = null;
    ArithmeticException refused = null;
    if (event.isOrder()) {
      for (Order order : event.orders()) {
        try {
          result = order(order, timestampMillis);
        } catch (ArithmeticException e) {
          // Every wall refuses it alike: the count is the same everywhere.
          LOG.log(Level.WARNING, "order for account " + order.accountId() + " refused: " + e.getMessage());
          refused = e;
        }
      }
    } else {
      result = supervisor.end(event.id());
      expiries.forget(event.id()); // whether it ended now or had expired just before
    }
    if (wallId.equals(event.wall())) {
      if (refused != null) {
        applied.failed(event.seq(), refused);
      } else {
        applied.applied(event.seq(), result);
      }
    }
  }

  /**
   * Applies an order with its record's time. If this wall's expiry ended the account although the
   * order was made before its deadline, the order was read late: it extends that account, as it did
   * on every wall that read it in time.
   */
  private Object order(Order order, long atMillis) {
    if (!supervisor.exists(order.accountId())) {
      Account late = expiries.take(order.accountId(), clock.millis());
      if (late != null && late.expiresAt().toEpochMilli() > atMillis) {
        long last = Math.max(late.lastOrderAt().toEpochMilli(), atMillis);
        long widgets = Math.addExact(late.widgetsOrdered(), order.quantity());
        if (supervisor.restore(order.accountId(), widgets, Instant.ofEpochMilli(last))) {
          return supervisor.whereis(order.accountId()).orElse(null);
        }
      }
    }
    return supervisor.orderAt(order.accountId(), order.quantity(), atMillis);
  }

  private JournalEvent read(ConsumerRecord<String, String> record) {
    try {
      return JournalEvent.parse(record.value());
    } catch (IllegalArgumentException e) {
      LOG.log(Level.ERROR, "skipping record " + record.topic() + "-" + record.partition() + "@" + record.offset()
          + ": " + e.getMessage());
      return null;
    }
  }
}
