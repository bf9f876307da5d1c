package com.accountwall.kafka;

import com.accountwall.core.Account;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.Order;
import com.accountwall.journal.HistoryStep;
import com.accountwall.journal.HistorySteps;
import com.accountwall.journal.IdempotencyKey;
import com.accountwall.journal.IdempotencyKeyReusedException;
import com.accountwall.journal.JournalUnavailableException;
import com.accountwall.journal.OrderJournal;
import com.accountwall.journal.Receipt;
import com.accountwall.journal.Reprojection;
import com.accountwall.journal.TimeOfDay;
import com.accountwall.settings.WallSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
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
 * producer with {@code acks=all}; a method returns (its future completes) only once Kafka has
 * acknowledged the record (on a topic with {@code min.insync.replicas=2}, it is then on at least
 * two brokers) and this wall has applied it, so the caller reads its own write. A write not
 * acknowledged within {@link #ACKNOWLEDGE_TIMEOUT} fails with {@link JournalUnavailableException}:
 * it was not acknowledged, though Kafka may still have taken it.
 *
 * <p><b>Batches.</b> A batch becomes one record per partition it touches, each holding the orders
 * of the accounts whose key goes to that partition, so an account's events stay in one partition's
 * order. Several records are written in one transaction (shared with the other batches waiting,
 * {@link TransactionWriter}); one record is atomic by itself. Walls read {@code read_committed}, so
 * each applies all of a batch or none. Adding partitions to the topic later would move accounts
 * between partitions; don't.
 *
 * <p><b>Keys.</b> A request with an {@link IdempotencyKey} carries it in every record it writes;
 * every wall's follower keeps the keys it reads with their {@link Receipt} ({@link AppliedKeys}),
 * so a repeat sent to any wall, after any restart, applies nothing.
 *
 * <p><b>Failures</b> are {@link JournalUnavailableException}s that say whether the write may still
 * take effect: {@linkplain JournalUnavailableException#refused refused} when nothing was written
 * (Kafka refused it at once, a transaction was aborted), possibly taking effect when Kafka may have
 * it (not acknowledged in time, a commit that failed). {@link #problems} says what keeps the wall
 * from acknowledging, from what the follower and the last writes saw, without asking Kafka.
 *
 * <p><b>Thread safety:</b> all methods may be called from any number of threads. A request that
 * returns a future holds no thread while it waits: the producer's callback (or the transaction
 * writer's) and this wall's follower complete it, and one timer fails it at its deadline.
 */
public final class KafkaOrders implements OrderJournal {
  private static final System.Logger LOG = System.getLogger(KafkaOrders.class.getName());

  /**
   * How long a write Kafka did not acknowledge counts as a problem, unless one is acknowledged
   * since.
   */
  private static final long UNACKNOWLEDGED_SHOWN_NANOS = TimeUnit.MINUTES.toNanos(1);

  /** A write waiting longer than this for Kafka's acknowledgement makes the wall degraded. */
  private static final long SLOW_WRITE_NANOS = TimeUnit.SECONDS.toNanos(5);

  // Kafka's clients log every setting at INFO when they start: keep their warnings, unless the
  // operator set a level. Held strongly, as java.util.logging forgets levels of unreferenced
  // loggers.
  private static final java.util.logging.Logger KAFKA_LOG =
      java.util.logging.Logger.getLogger("org.apache.kafka");

  static {
    if (KAFKA_LOG.getLevel() == null) {
      KAFKA_LOG.setLevel(java.util.logging.Level.WARNING);
    }
  }

  private final String topic;
  private final Clock clock;
  private final String run;
  private final KafkaProducer<String, String> producer;
  private final TransactionWriter transactions;
  private final LogFollower follower;
  private final AppliedEvents applied;

  /** The last write Kafka did not acknowledge, until one is acknowledged again; else null. */
  private volatile Unacknowledged unacknowledged;

  private record Unacknowledged(String problem, long atNanos) {}

  /**
   * When each write now waiting for Kafka's acknowledgement was sent: one per request in flight,
   * however many, as none holds a thread.
   */
  private final Map<Object, Long> writesWaiting = new ConcurrentHashMap<>();

  private KafkaOrders(
      KafkaSettings settings,
      Clock clock,
      String run,
      KafkaProducer<String, String> producer,
      TransactionWriter transactions,
      LogFollower follower,
      AppliedEvents applied) {
    this.topic = settings.topic();
    this.clock = clock;
    this.run = run;
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
  public static KafkaOrders start(
      KafkaSettings settings,
      String wallId,
      Path dataFolder,
      AccountSupervisor supervisor,
      Clock clock) {
    String id;
    try {
      id = wallId != null ? WallId.requireValid(wallId) : WallId.kept(dataFolder);
    } catch (IOException e) {
      throw JournalUnavailableException.refused(
          "cannot keep this wall's id in " + dataFolder + " (" + e.getMessage() + ")", e);
    }
    // Names this run in its events, so a restarted wall never takes its predecessor's answers for
    // its own.
    String run = UUID.randomUUID().toString();
    AppliedEvents applied = new AppliedEvents();
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      // First, so that initTransactions fences a predecessor with this id and aborts the
      // transaction it left open, which would hold up every wall's read_committed reading.
      TransactionWriter transactions =
          new TransactionWriter(
              () -> {
                KafkaProducer<String, String> transactional =
                    new KafkaProducer<>(settings.transactionalProducer(id));
                try {
                  transactional.initTransactions();
                } catch (RuntimeException e) {
                  transactional.close(Duration.ZERO);
                  throw e;
                }
                return transactional;
              });
      opened.add(transactions);
      LogFollower follower =
          new LogFollower(
              () -> new KafkaConsumer<>(settings.consumer()),
              settings.topic(),
              settings.servers(),
              supervisor,
              clock,
              run,
              applied);
      opened.add(follower);
      LogFollower.Replayed replayed = follower.replay();
      KafkaProducer<String, String> producer = new KafkaProducer<>(settings.producer());
      opened.add(producer);
      follower.start();
      LOG.log(
          Level.INFO,
          "replayed {0} live accounts from {1} records in {2} stretches of topic {3} at {4},"
              + " as wall {5}",
          replayed.accounts(),
          replayed.recordsRead(),
          replayed.stretches(),
          settings.topic(),
          settings.servers(),
          id);
      return new KafkaOrders(settings, clock, run, producer, transactions, follower, applied);
    } catch (KafkaException | IllegalStateException e) {
      closeAll(opened);
      throw JournalUnavailableException.refused(
          "cannot use Kafka topic "
              + settings.topic()
              + " at "
              + settings.servers()
              + ": "
              + e.getMessage(),
          e);
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
    Order order =
        new Order(accountId, quantity); // refuses a bad id or quantity before anything is written
    Account landed =
        awaited(
                writtenAlone(
                    accountId,
                    seq -> JournalEvent.orders(List.of(order), run, seq),
                    AppliedEvent.Landed.class))
            .account();
    if (landed == null) {
      throw new JournalUnavailableException(
          "the order was applied, but by the time this wall read it back, its"
              + " account's deadline had passed here");
    }
    return landed;
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@link #place} waited for: returns once the batch's records are committed and this wall has
   * applied all of them.
   */
  @Override
  public int orderAll(List<Order> orders) {
    return orders.isEmpty() ? 0 : awaited(place(orders)).accepted();
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@link #placeOnce} waited for.
   */
  @Override
  public Receipt orderOnce(IdempotencyKey key, List<Order> orders) {
    return awaited(placeOnce(key, orders));
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@link #placeEnd} waited for.
   */
  @Override
  public boolean end(long accountId) {
    return awaited(placeEnd(accountId));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Writes the batch as one record per partition, several in one Kafka transaction. Without a
   * thread waiting: the producer's callback (or the transaction's) says whether Kafka took the
   * records, and the follower completes the request once this wall has applied them all.
   */
  @Override
  public CompletableFuture<Receipt> place(List<Order> orders) {
    if (orders.isEmpty()) {
      throw new IllegalArgumentException("place at least one order");
    }
    Order last = orders.get(orders.size() - 1);
    return written(
            orders, (part, seq) -> JournalEvent.orders(part, run, seq), AppliedEvent.Landed.class)
        .thenApply(
            parts -> {
              // Each part tells the account its last order landed on: the request's last order is
              // the last of its account's part.
              Account landed =
                  parts.stream()
                      .map(AppliedEvent.Landed::account)
                      .filter(account -> account != null && account.id() == last.accountId())
                      .findFirst()
                      .orElse(null);
              return new Receipt(
                  orders.size(),
                  last.accountId(),
                  landed == null ? 0 : landed.widgetsOrdered(),
                  landed == null ? clock.instant() : landed.expiresAt(),
                  false);
            });
  }

  /**
   * {@inheritDoc}
   *
   * <p>The key travels in every record of the request, so any wall recognises a repeat sent to any
   * wall, and when two attempts race, the log decides which copy of each part counts ({@link
   * AppliedKeys}). A repeat this wall already knows is answered at once without writing; one it
   * does not know yet is written and then skipped by every wall as it reads it. Without a thread
   * waiting, as {@link #place}.
   */
  @Override
  @SuppressWarnings(
      "ReferenceEquality") // a part holds the request's last order itself, not an equal one
  public CompletableFuture<Receipt> placeOnce(IdempotencyKey key, List<Order> orders) {
    if (orders.isEmpty()) {
      throw new IllegalArgumentException(
          "a request with an Idempotency-Key holds at least one order");
    }
    AppliedKeys.Entry known = follower.appliedKey(key.value());
    if (known != null) {
      if (!known.fingerprint.equals(key.fingerprint())) {
        return CompletableFuture.failedFuture(new IdempotencyKeyReusedException(key.value()));
      }
      if (known.receipt() != null) {
        return CompletableFuture.completedFuture(known.receipt().asRepeat());
      }
    }
    Order last = orders.get(orders.size() - 1);
    return written(
            orders,
            (part, seq) ->
                JournalEvent.keyedOrders(
                    part,
                    run,
                    seq,
                    new JournalEvent.KeyPart(
                        key.value(),
                        key.fingerprint(),
                        orders.size(),
                        part.get(part.size() - 1) == last)),
            AppliedEvent.KeyedPart.class)
        .thenApply(
            parts -> {
              Receipt receipt = null;
              boolean reused = false;
              for (AppliedEvent.KeyedPart part : parts) {
                reused |=
                    part.part() == AppliedKeys.Part.REUSED || part.part() == AppliedKeys.Part.STRAY;
                receipt = part.receipt() != null ? part.receipt() : receipt;
              }
              if (reused) {
                throw new IdempotencyKeyReusedException(key.value());
              }
              return receipt;
            });
  }

  /**
   * {@inheritDoc}
   *
   * <p>The ending is an event in the log, so every wall ends the account at the same point of its
   * history. Completes once Kafka has acknowledged it and this wall has applied it, without a
   * thread waiting; the answer is whether the account was live at that point of the log.
   */
  @Override
  public CompletableFuture<Boolean> placeEnd(long accountId) {
    Account.requireValidId(accountId);
    return writtenAlone(
            accountId, seq -> JournalEvent.end(accountId, run, seq), AppliedEvent.Ended.class)
        .thenApply(AppliedEvent.Ended::wasLive);
  }

  /**
   * {@inheritDoc}
   *
   * <p>This wall's follower folds the log again under the new lifetime, between two polls; other
   * walls keep theirs (every wall should run the same lifetime).
   */
  @Override
  public void changeLifetime(Duration lifetime) {
    follower.changeLifetime(WallSettings.checkLifetime(lifetime));
  }

  @Override
  public Optional<Reprojection> reprojection() {
    return Optional.ofNullable(follower.reprojection());
  }

  /**
   * {@inheritDoc}
   *
   * <p>From what this wall's follower read: since the start of its replay (a lifetime, at least a
   * day), and everything since.
   */
  @Override
  public List<HistoryStep> history(Instant from, Instant to, Duration step) {
    HistorySteps.count(from, to, step);
    return HistorySteps.sum(from, to, step, follower.minutes().between(from, to));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Never answers: the follower keeps the floor's minutes, not each account's, and reading the
   * topic back for one account's day is more than a question from the window is worth.
   *
   * @throws JournalUnavailableException always
   */
  @Override
  public List<HistoryStep> accountHistory(long accountId, Instant from, Instant to, Duration step) {
    Account.requireValidId(accountId);
    HistorySteps.count(from, to, step);
    throw new JournalUnavailableException(
        "in cluster mode the wall keeps no order history per account");
  }

  /**
   * Records the cluster's meters in {@code registry}: how many records this wall's log follower is
   * behind the end of each partition of the order topic. Once, from any thread.
   */
  public void bindMeters(MeterRegistry registry) {
    follower.bindMeters(registry);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Kafka unreachable, the log's follower stopped or behind, and a write Kafka did not
   * acknowledge in the last minute (unless one was since): each read from a field, nothing asked of
   * Kafka.
   */
  @Override
  public List<String> problems() {
    List<String> problems = follower.problems();
    Unacknowledged refused = unacknowledged;
    if (refused != null && System.nanoTime() - refused.atNanos() < UNACKNOWLEDGED_SHOWN_NANOS) {
      problems.add(refused.problem());
    }
    long now = System.nanoTime();
    long longest = writesWaiting.values().stream().mapToLong(sent -> now - sent).max().orElse(0);
    if (longest > SLOW_WRITE_NANOS) {
      problems.add(
          "Kafka has not acknowledged an order for "
              + TimeUnit.NANOSECONDS.toSeconds(longest)
              + " s");
    }
    return problems;
  }

  /** Stops following the log and closes the producers, sending what they still hold. */
  @Override
  public void close() throws InterruptedException {
    applied.failAll(new JournalUnavailableException("the wall is stopping"));
    closeAll(List.of(follower, producer, transactions));
  }

  /** Makes a request's event from its orders on one partition and its ticket's number. */
  @FunctionalInterface
  private interface Part {
    JournalEvent event(List<Order> orders, long seq);
  }

  /**
   * Writes a request as one record per partition it touches, several in one transaction, as {@link
   * #sent}; fails refused at once if the topic's partitions cannot be learnt.
   */
  private <T extends AppliedEvent> CompletableFuture<List<T>> written(
      List<Order> orders, Part parts, Class<T> kind) {
    Map<Integer, List<Order>> partitioned;
    try {
      partitioned = partitioned(orders);
    } catch (JournalUnavailableException e) {
      return CompletableFuture.failedFuture(e);
    }
    List<AppliedEvents.Ticket> tickets = new ArrayList<>();
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    partitioned.forEach(
        (partition, part) -> {
          AppliedEvents.Ticket ticket = applied.register();
          tickets.add(ticket);
          records.add(record(partition, part.get(0).accountId(), parts.event(part, ticket.seq())));
        });
    return sent(tickets, records, kind);
  }

  /**
   * Writes one event about {@code accountId} where the producer puts that key, as {@link #sent}.
   */
  private <T extends AppliedEvent> CompletableFuture<T> writtenAlone(
      long accountId, LongFunction<JournalEvent> event, Class<T> kind) {
    AppliedEvents.Ticket ticket = applied.register();
    return sent(List.of(ticket), List.of(record(null, accountId, event.apply(ticket.seq()))), kind)
        .thenApply(outcomes -> outcomes.get(0));
  }

  /**
   * A record keyed by {@code accountId}; on {@code partition}, or if null where the producer puts
   * that key. The wall's clock stamps it: that is the order's time on every wall (CreateTime).
   */
  private ProducerRecord<String, String> record(
      Integer partition, long accountId, JournalEvent event) {
    return new ProducerRecord<>(
        topic, partition, clock.millis(), Long.toString(accountId), event.toJson());
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
      throw JournalUnavailableException.refused(
          "cannot learn the partitions of topic " + topic + " (" + e + "); nothing was written", e);
    }
    Map<Integer, List<Order>> parts = new TreeMap<>();
    for (Order order : orders) {
      byte[] key = Long.toString(order.accountId()).getBytes(StandardCharsets.UTF_8);
      // What the producer does with a keyed record (murmur2 of the key), so ids land alike either
      // way.
      int partition = BuiltInPartitioner.partitionForKey(key, partitions);
      parts.computeIfAbsent(partition, p -> new ArrayList<>()).add(order);
    }
    return parts;
  }

  /**
   * Sends the records ({@link #sendAsync}) and notes how the write went for {@link #problems},
   * without waiting for it. Completes with what this wall applied for each ticket, in the tickets'
   * order, once Kafka has acknowledged the records and this wall has applied them all; fails with a
   * {@link JournalUnavailableException} saying whether they may still take effect, at the latest
   * after {@link #ACKNOWLEDGE_TIMEOUT}, and then gives up the tickets.
   */
  private <T extends AppliedEvent> CompletableFuture<List<T>> sent(
      List<AppliedEvents.Ticket> tickets,
      List<ProducerRecord<String, String>> records,
      Class<T> kind) {
    Object waiting = new Object();
    writesWaiting.put(waiting, System.nanoTime());
    CompletableFuture<Void> acknowledged =
        sendAsync(records)
            .handle(
                (done, failure) -> {
                  writesWaiting.remove(waiting);
                  if (failure == null) {
                    unacknowledged = null;
                    return null;
                  }
                  Throwable cause = unwrapped(failure);
                  throw unacknowledged(
                      tickets,
                      cause instanceof JournalUnavailableException unavailable
                          ? unavailable
                          : new JournalUnavailableException(
                              "Kafka did not acknowledge the write ("
                                  + cause
                                  + "); it may still take effect",
                              cause));
                });
    CompletableFuture<?>[] applying =
        tickets.stream().map(AppliedEvents.Ticket::applied).toArray(CompletableFuture[]::new);
    return acknowledged
        .thenCompose(done -> CompletableFuture.allOf(applying))
        .orTimeout(ACKNOWLEDGE_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)
        .handle(
            (done, failure) -> {
              if (failure == null) {
                return tickets.stream()
                    .map(ticket -> outcome(ticket.applied().join(), kind))
                    .toList();
              }
              tickets.forEach(ticket -> applied.forget(ticket.seq()));
              Throwable cause = unwrapped(failure);
              if (!(cause instanceof TimeoutException)) {
                if (cause instanceof RuntimeException unavailable) {
                  throw unavailable;
                }
                throw new JournalUnavailableException("applying failed: " + cause, cause);
              }
              if (acknowledged.isDone() && !acknowledged.isCompletedExceptionally()) {
                throw new JournalUnavailableException(
                    "Kafka acknowledged it, but this wall has not read it back within "
                        + ACKNOWLEDGE_TIMEOUT.toSeconds()
                        + " s; other walls may show it",
                    cause);
              }
              throw unacknowledged(
                  tickets,
                  new JournalUnavailableException(
                      "Kafka did not acknowledge within "
                          + ACKNOWLEDGE_TIMEOUT.toSeconds()
                          + " s; it may still take effect",
                      cause));
            });
  }

  /**
   * Sends the records, one alone or several in a transaction: one record is atomic by itself;
   * several, on several partitions, need one. Completes once Kafka has them.
   */
  private CompletableFuture<Void> sendAsync(List<ProducerRecord<String, String>> records) {
    if (records.size() > 1) {
      return transactions.write(records);
    }
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    try {
      producer.send(
          records.get(0),
          (metadata, failure) -> {
            if (failure == null) {
              acknowledged.complete(null);
            } else {
              acknowledged.completeExceptionally(failure);
            }
          });
    } catch (KafkaException e) {
      acknowledged.completeExceptionally(
          JournalUnavailableException.refused(
              "Kafka refused the write (" + e + "); nothing was written", e));
    }
    return acknowledged;
  }

  /** What the follower answered to an event that wants {@code kind}. */
  private static <T extends AppliedEvent> T outcome(AppliedEvent outcome, Class<T> kind) {
    if (!kind.isInstance(outcome)) {
      throw new IllegalStateException(
          "the follower answered " + outcome + " to an event that wants " + kind);
    }
    return kind.cast(outcome);
  }

  /**
   * Waits for a request's future, which fails by itself after {@link #ACKNOWLEDGE_TIMEOUT}, and
   * throws what it failed with, as the blocking methods always did. Not {@link OrderJournal#await}:
   * its own clock would race the request's and could answer with a vaguer timeout.
   */
  private static <T> T awaited(CompletableFuture<T> request) {
    try {
      return request.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JournalUnavailableException(
          "interrupted while waiting for Kafka; it may still take effect", e);
    }
  }

  private static Throwable unwrapped(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  /** Gives up the tickets and notes the failure for {@link #problems}. */
  private JournalUnavailableException unacknowledged(
      List<AppliedEvents.Ticket> tickets, JournalUnavailableException failure) {
    tickets.forEach(ticket -> applied.forget(ticket.seq()));
    unacknowledged =
        new Unacknowledged(
            "Kafka did not acknowledge an order at "
                + TimeOfDay.of(Instant.now())
                + ": "
                + failure.getMessage(),
            System.nanoTime());
    return failure;
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
}
