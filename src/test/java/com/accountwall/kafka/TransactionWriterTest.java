package com.accountwall.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.journal.JournalUnavailableException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batch writer against producers that throw what kafka-clients 4.1 throws: every caller is
 * answered, saying whether its records may still take effect, and the next batch is written by a
 * new producer. Kafka's own {@link MockProducer}; the cluster suite does the same on real brokers.
 */
class TransactionWriterTest {
  private static final List<ProducerRecord<String, String>> BATCH =
      List.of(new ProducerRecord<>("t", 0, "1", "a"), new ProducerRecord<>("t", 1, "2", "b"));

  private final Deque<MockProducer<String, String>> made = new ArrayDeque<>();
  private TransactionWriter writer;

  @AfterEach
  void close() throws InterruptedException {
    writer.close();
  }

  /** Hands out new initialised mock producers, each first shaped by {@code faults} in turn. */
  @SafeVarargs
  private Supplier<Producer<String, String>> producers(
      Consumer<MockProducer<String, String>>... faults) {
    Deque<Consumer<MockProducer<String, String>>> left = new ArrayDeque<>(List.of(faults));
    return () -> {
      MockProducer<String, String> producer =
          new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
      producer.initTransactions();
      if (!left.isEmpty()) {
        left.poll().accept(producer);
      }
      made.add(producer);
      return producer;
    };
  }

  private static JournalUnavailableException failure(Future<Void> written) {
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> written.get(10, TimeUnit.SECONDS));
    return assertInstanceOf(JournalUnavailableException.class, e.getCause());
  }

  @Test
  void aCommitThatTimedOutAndCannotBeAbortedMayTakeEffectAndTheNextBatchGetsANewProducer()
      throws Exception {
    writer =
        new TransactionWriter(
            producers(
                producer -> {
                  producer.commitTransactionException =
                      new TimeoutException("Timeout expired after 30000ms while awaiting EndTxn");
                  producer.abortTransactionException =
                      new IllegalStateException(
                          "Cannot attempt operation `abortTransaction`"
                              + " because the previous call to `commitTransaction` timed out and must be retried");
                }));

    assertTrue(
        failure(writer.write(BATCH)).mayTakeEffect(),
        "a commit that timed out may still be committed");
    writer.write(BATCH).get(10, TimeUnit.SECONDS);

    assertEquals(
        2, made.size(), "a new producer, whose initTransactions ends what the old one left open");
    assertTrue(made.getFirst().closed());
    assertEquals(1, made.getLast().commitCount());
  }

  @Test
  void aFailureBeforeTheCommitIsRefusedEvenIfTheAbortThrowsToo() throws Exception {
    writer =
        new TransactionWriter(
            producers(
                producer -> {
                  producer.beginTransactionException = new IllegalStateException("in a bad state");
                  producer.abortTransactionException = new KafkaException("cannot abort either");
                }));

    assertFalse(
        failure(writer.write(BATCH)).mayTakeEffect(),
        "never committed: aborted now or by the next producer");
    writer.write(BATCH).get(10, TimeUnit.SECONDS);
    assertEquals(2, made.size());
  }

  @Test
  void anAbortedTransactionKeepsItsProducer() throws Exception {
    writer =
        new TransactionWriter(
            producers(producer -> producer.sendException = new KafkaException("no leader")));

    assertFalse(failure(writer.write(BATCH)).mayTakeEffect());
    made.getFirst().sendException = null;
    writer.write(BATCH).get(10, TimeUnit.SECONDS);
    assertEquals(1, made.size());
    assertTrue(made.getFirst().transactionCommitted());
  }

  @Test
  void aProducerThatCannotBeMadeFailsItsBatchesUntilOneCanBe() throws Exception {
    boolean[] reachable = {true};
    Supplier<Producer<String, String>> producers =
        producers(
            producer ->
                producer.commitTransactionException =
                    new KafkaException("the coordinator went away"));
    writer =
        new TransactionWriter(
            () -> {
              if (!reachable[0]) {
                throw new TimeoutException(
                    "Timeout expired after 30000ms while awaiting InitProducerId");
              }
              return producers.get();
            });

    assertTrue(failure(writer.write(BATCH)).mayTakeEffect());
    reachable[0] = false;
    assertFalse(failure(writer.write(BATCH)).mayTakeEffect(), "no producer, nothing written");
    reachable[0] = true;
    writer.write(BATCH).get(10, TimeUnit.SECONDS);
    assertEquals(1, made.getLast().commitCount());
  }

  @Test
  void closingAnswersWhatCameTooLate() throws Exception {
    writer = new TransactionWriter(producers());
    writer.close();

    assertFalse(failure(writer.write(BATCH)).mayTakeEffect());
  }
}
