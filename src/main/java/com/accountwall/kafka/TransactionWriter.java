package com.accountwall.kafka;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Writes groups of records, each group all or nothing, in Kafka transactions: group commit. A
 * producer runs one transaction at a time, and a transaction costs a few round trips to the
 * brokers whatever it holds, so one thread takes every group waiting, writes them all in one
 * transaction and commits it; each group's future completes when that commit does, or fails with
 * it. A failed transaction is aborted, so none of its groups is seen by a {@code read_committed}
 * reader; a producer that cannot even abort (it was fenced, or hit a fatal error) is replaced.
 *
 * <p><b>Thread safety:</b> {@link #write} may be called from any thread; the producer belongs to
 * the writer thread.
 */
final class TransactionWriter implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(TransactionWriter.class.getName());
  /** Bounds one transaction: 64 API batches of up to 1 MiB each. */
  private static final int MAX_GROUPS = 64;

  private final Supplier<Producer<String, String>> producers;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private Producer<String, String> producer; // the writer thread's once started; null after a fatal error
  private volatile boolean closing;

  private record Pending(List<ProducerRecord<String, String>> records, CompletableFuture<Void> committed) {}

  /**
   * Starts with a producer from {@code producers}, which must make transactional producers whose
   * transactions are initialised; it is asked again to replace one that failed for good.
   */
  TransactionWriter(Supplier<Producer<String, String>> producers) {
    this.producers = producers;
    this.producer = producers.get();
    this.thread = new Thread(this::writeLoop, "kafka-transactions");
    thread.setDaemon(true);
    thread.start();
  }

  /** Writes {@code records} in a transaction; the future completes once it is committed. */
  Future<Void> write(List<ProducerRecord<String, String>> records) {
    CompletableFuture<Void> committed = new CompletableFuture<>();
    if (closing) {
      committed.completeExceptionally(new KafkaException("the wall is stopping"));
    } else {
      queue.add(new Pending(records, committed));
    }
    return committed;
  }

  /** Commits what is waiting, then closes the producer. */
  @Override
  public void close() throws InterruptedException {
    closing = true;
    thread.join();
  }

  private void writeLoop() {
    try {
      while (!closing || !queue.isEmpty()) {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first != null) {
          List<Pending> group = new ArrayList<>();
          group.add(first);
          queue.drainTo(group, MAX_GROUPS - 1);
          commit(group);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      List<Pending> left = new ArrayList<>();
      queue.drainTo(left);
      left.forEach(pending -> pending.committed().completeExceptionally(new KafkaException("the wall is stopping")));
      if (producer != null) {
        producer.close();
      }
    }
  }

  private void commit(List<Pending> group) {
    try {
      if (producer == null) {
        producer = producers.get();
      }
      producer.beginTransaction();
      for (Pending pending : group) {
        for (ProducerRecord<String, String> record : pending.records()) {
          producer.send(record);
        }
      }
      producer.commitTransaction();
      group.forEach(pending -> pending.committed().complete(null));
    } catch (KafkaException e) {
      abortOrDrop();
      group.forEach(pending -> pending.committed().completeExceptionally(e));
    }
  }

  /** Aborts the open transaction; a producer that cannot is dropped, and the next group gets a new one. */
  private void abortOrDrop() {
    if (producer == null) {
      return;
    }
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      LOG.log(Level.WARNING, "cannot abort a failed transaction (" + e + "); the next batch starts a new transactional producer");
      producer.close();
      producer = null;
    }
  }
}
