package com.accountwall.kafka;

import com.accountwall.core.Account;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.Order;
import com.accountwall.journal.JournalUnavailableException;
import com.accountwall.journal.OrderJournal;
import java.lang.System.Logger.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.KafkaException;

/**
 * The order journal of walls in cluster mode: a Kafka topic shared by every wall, partitioned by
 * account id. An order or an ending is written to the topic and applied to this wall only when its
 * own {@link LogFollower} reads it back, exactly as every other wall applies it; so all walls
 * derive the same accounts from the same log, whichever wall took the order.
 *
 * <p><b>Acknowledged means replicated.</b> Single orders and endings go through an idempotent
 * producer with {@code acks=all}; a method returns only once Kafka has acknowledged the record (on
 * a topic with {@code min.insync.replicas=2}, it is then on at least two brokers) and this wall has
 * applied it, so the caller reads its own write. A write not acknowledged within {@link
 * #ACKNOWLEDGE_TIMEOUT} throws {@link JournalUnavailableException}: it was not acknowledged,
 * though Kafka may still have taken it.
 *
 * <p><b>Batches.</b> A batch becomes one record per partition it touches, each holding the orders
 * of the accounts whose key goes to that partition, so an account's events stay in one partition's
 * order. Several records are written in one transaction (shared with the other batches waiting,
 * {@link TransactionWriter}); one record is atomic by itself. Walls read {@code read_committed},
 * so each applies all of a batch or none. Adding partitions to the topic later would move accounts
 * between partitions; don't.
 *
 * <p><b>Thread safety:</b> all methods may be called from any number of threads.
 */
public final class KafkaOrders implements OrderJournal {
  private static final System.Logger LOG = System.getLogger(KafkaOrders.class.getName());
  static final Duration ACKNOWLEDGE_TIMEOUT = Duration.ofSeconds(30);
  // Kafka's clients log every setting at INFO when they start: keep their warnings, unless the
  // operator set a level. Held strongly, as java.util.logging forgets levels of unreferenced loggers.
  private static final java.util.logging.Logger KAFKA_LOG = java.util.logging.Logger.getLogger("org.apache.kafka");

  static {
    if (KAFKA_LOG.getLevel() == null) {
      KAFKA_LOG.setLevel(java.util.logging.Level.WARNING);
    }
  }

  private final String topic;
  private final Clock clock;
  private final String wallId;
  private final KafkaProducer<String, String> producer;
  private final TransactionWriter transactions;
  private final LogFollower follower;
  private final AppliedEvents applied;

  private KafkaOrders(KafkaSettings settings, Clock clock, String wallId, KafkaProducer<String, String> producer,
      TransactionWriter transactions, LogFollower follower, AppliedEvents applied) {
    this.topic = settings.topic();
    this.clock = clock;
    this.wallId = wallId;
    this.producer = producer;
    this.transactions = transactions;
    this.follower = follower;
    this.applied = applied;
  }

  /**
   * Connects to the cluster as the wall {@code wallId} names, or else as the one whose id is kept
   * in {@code dataFolder} ({@link WallId}), ends what a predecessor with that id left open,
   * rebuilds the live accounts from the topic into {@code supervisor} and follows it from then on.
   *
   * @throws JournalUnavailableException if the cluster cannot be reached, the topic does not exist
   *     or the wall's id cannot be kept
   */
  public static KafkaOrders start(KafkaSettings settings, String wallId, Path dataFolder, AccountSupervisor supervisor,
      Clock clock) {
    String id;
    try {
      id = wallId != null ? WallId.requireValid(wallId) : WallId.kept(dataFolder);
    } catch (IOException e) {
      throw JournalUnavailableException.refused("cannot keep this wall's id in " + dataFolder + " (" + e.getMessage()
          + ")", e);
    }
    // Names this run in its events, so a restarted wall never takes its predecessor's answers for its own.
    String run = UUID.randomUUID().toString();
    AppliedEvents applied = new AppliedEvents();
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      // First, so that initTransactions fences a predecessor with this id and aborts the
      // transaction it left open, which would hold up every wall's read_committed reading.
      TransactionWriter transactions = new TransactionWriter(() -> {
        KafkaProducer<String, String> transactional = new KafkaProducer<>(settings.transactionalProducer(id));
        try {
          transactional.initTransactions();
        } catch (RuntimeException e) {
          transactional.close(Duration.ZERO);
          throw e;
        }
        return transactional;
      });
      opened.add(transactions);
      KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings.consumer());
      LogFollower follower = new LogFollower(consumer, settings.topic(), supervisor, clock, run, applied);
      opened.add(follower);
      int restored = follower.replay();
      KafkaProducer<String, String> producer = new KafkaProducer<>(settings.producer());
      opened.add(producer);
      follower.start();
      LOG.log(Level.INFO, "replayed {0} live accounts from topic {1} at {2}", restored, settings.topic(),
          settings.servers());
      return new KafkaOrders(settings, clock, run, producer, transactions, follower, applied);
    } catch (KafkaException | IllegalStateException e) {
      closeAll(opened);
      throw new JournalUnavailableException("cannot use Kafka topic " + settings.topic() + " at "
          + settings.servers() + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Returns once Kafka has acknowledged the order with {@code acks=all} and this wall has
   * applied it.
   */
  @Override
  public Account order(long accountId, long quantity) {
    Order order = new Order(accountId, quantity); // refuses a bad id or quantity before anything is written
    long deadline = System.nanoTime() + ACKNOWLEDGE_TIMEOUT.toNanos();
    AppliedEvents.Ticket ticket = applied.register();
    JournalEvent event = JournalEvent.orders(List.of(order), wallId, ticket.seq());
    awaitAcknowledged(List.of(ticket), () -> List.of(producer.send(record(null, accountId, event))), deadline);
    return (Account) awaitApplied(ticket, deadline);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Writes the batch as one record per partition, several in one Kafka transaction, and returns
   * once they are committed and this wall has applied all of them.
   */
  @Override
  public int orderAll(List<Order> orders) {
    if (orders.isEmpty()) {
      return 0;
    }
    long deadline = System.nanoTime() + ACKNOWLEDGE_TIMEOUT.toNanos();
    List<AppliedEvents.Ticket> tickets = new ArrayList<>();
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    partitioned(orders).forEach((partition, part) -> {
      AppliedEvents.Ticket ticket = applied.register();
      tickets.add(ticket);
      records.add(record(partition, part.get(0).accountId(), JournalEvent.orders(part, wallId, ticket.seq())));
    });
    // One record is atomic by itself; several, on several partitions, need a transaction.
    awaitAcknowledged(tickets,
        () -> List.of(records.size() == 1 ? producer.send(records.get(0)) : transactions.write(records)), deadline);
    for (AppliedEvents.Ticket ticket : tickets) {
      awaitApplied(ticket, deadline);
    }
    return orders.size();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The ending is an event in the log, so every wall ends the account at the same point of its
   * history. Returns once Kafka has acknowledged it and this wall has applied it; the answer is
   * whether the account was live at that point.
   */
  @Override
  public boolean end(long accountId) {
    if (accountId <= 0) {
      throw new IllegalArgumentException("accountId must be a positive integer, was " + accountId);
    }
    long deadline = System.nanoTime() + ACKNOWLEDGE_TIMEOUT.toNanos();
    AppliedEvents.Ticket ticket = applied.register();
    JournalEvent event = JournalEvent.end(accountId, wallId, ticket.seq());
    awaitAcknowledged(List.of(ticket), () -> List.of(producer.send(record(null, accountId, event))), deadline);
    return (Boolean) awaitApplied(ticket, deadline);
  }

  /** Stops following the log and closes the producers, sending what they still hold. */
  @Override
  public void close() throws InterruptedException {
    applied.failAll(new JournalUnavailableException("the wall is stopping"));
    closeAll(List.of(follower, producer, transactions));
  }

  /**
   * A record keyed by {@code accountId}; on {@code partition}, or if null where the producer puts
   * that key. The wall's clock stamps it: that is the order's time on every wall (CreateTime).
   */
  private ProducerRecord<String, String> record(Integer partition, long accountId, JournalEvent event) {
    return new ProducerRecord<>(topic, partition, clock.millis(), Long.toString(accountId), event.toJson());
  }

  /**
   * A batch's orders by the partition each account's key goes to, each part in the batch's order:
   * so an account's orders in a batch stay in line with its single orders and endings.
   */
  private Map<Integer, List<Order>> partitioned(List<Order> orders) {
    int partitions;
    try {
      partitions = producer.partitionsFor(topic).size();
    } catch (KafkaException e) {
      throw new JournalUnavailableException("cannot learn the partitions of topic " + topic + " (" + e + "); not acknowledged", e);
    }
    Map<Integer, List<Order>> parts = new TreeMap<>();
    for (Order order : orders) {
      byte[] key = Long.toString(order.accountId()).getBytes(StandardCharsets.UTF_8);
      // What the producer does with a keyed record (murmur2 of the key), so ids land alike either way.
      int partition = BuiltInPartitioner.partitionForKey(key, partitions);
      parts.computeIfAbsent(partition, p -> new ArrayList<>()).add(order);
    }
    return parts;
  }

  /** Something that writes records and returns what to wait for. */
  @FunctionalInterface
  private interface Write {
    List<Future<?>> send();
  }

  private void awaitAcknowledged(List<AppliedEvents.Ticket> tickets, Write write, long deadline) {
    try {
      for (Future<?> sent : write.send()) {
        sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (KafkaException | ExecutionException | TimeoutException e) {
      tickets.forEach(ticket -> applied.forget(ticket.seq()));
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new JournalUnavailableException("Kafka did not acknowledge within " + ACKNOWLEDGE_TIMEOUT.toSeconds()
          + " s (" + cause + "); not acknowledged", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      tickets.forEach(ticket -> applied.forget(ticket.seq()));
      throw new JournalUnavailableException("interrupted while waiting for Kafka", e);
    }
  }

  private Object awaitApplied(AppliedEvents.Ticket ticket, long deadline) {
    try {
      return ticket.applied().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new JournalUnavailableException("applying failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      applied.forget(ticket.seq());
      throw new JournalUnavailableException("Kafka acknowledged it, but this wall has not read it back within "
          + ACKNOWLEDGE_TIMEOUT.toSeconds() + " s; other walls may show it", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JournalUnavailableException("interrupted while waiting for the wall to apply it", e);
    }
  }

  private static void closeAll(List<? extends AutoCloseable> parts) {
    for (AutoCloseable part : parts) {
      try {
        part.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "closing " + part + " failed", e);
      }
    }
  }

  @Override
  public String toString() {
    return "Kafka topic " + Objects.toString(topic);
  }

  @Override
  public com.accountwall.journal.Receipt orderOnce(com.accountwall.journal.IdempotencyKey key, List<Order> orders) {
    throw JournalUnavailableException.refused("Idempotency-Key is not supported yet", null); // TODO(idempotency)
  }

  @Override
  public List<String> problems() {
    return List.of(); // TODO(health)
  }
}
