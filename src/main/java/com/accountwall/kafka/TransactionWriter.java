package com.accountwall.kafka;

import com.accountwall.core.DaemonThreads;
import com.accountwall.journal.JournalUnavailableException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes groups of records, each group all or nothing, in Kafka transactions: group commit. A
 * producer runs one transaction at a time, and a transaction costs a few round trips to the brokers
 * whatever it holds, so one thread takes every group waiting, writes them all in one transaction
 * and commits it; each group's future completes when that commit does, or fails with it.
 *
 * <p><b>Failures.</b> Whatever the producer throws, every group of the transaction is answered and
 * the thread goes on with the next. A transaction that failed before its commit was asked for is
 * aborted, so no {@code read_committed} reader sees it: its groups fail {@linkplain
 * JournalUnavailableException#refused refused}. One whose commit failed or timed out may still be
 * committed (kafka-clients cannot even abort it then, it throws {@link IllegalStateException}): its
 * groups fail as possibly taking effect. Either way, unless the abort succeeded, the producer is
 * closed and the next group gets a new one from the same supplier; as it has the same transactional
 * id, its {@code initTransactions} finishes or aborts what the old one left open.
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
  private Producer<String, String>
      producer; // the writer thread's; null until needed and after a failure
  private volatile boolean closing;

  private record Pending(
      List<ProducerRecord<String, String>> records, CompletableFuture<Void> committed) {}

  /**
   * Starts with a producer from {@code producers}, which must make transactional producers whose
   * transactions are initialised; it is asked again to replace one that failed.
   *
   * @throws RuntimeException what {@code producers} throws for the first producer: a wall that
   *     cannot write batches at start does not start
   */
  TransactionWriter(Supplier<Producer<String, String>> producers) {
    this.producers = producers;
    this.producer = producers.get();
    this.thread = DaemonThreads.named("kafka-transactions").newThread(this::writeLoop);
    thread.start();
  }

  /**
   * Writes {@code records} in a transaction; the future completes once it is committed, or fails
   * with a {@link JournalUnavailableException} saying whether the records may still take effect.
   */
  CompletableFuture<Void> write(List<ProducerRecord<String, String>> records) {
    CompletableFuture<Void> committed = new CompletableFuture<>();
    if (closing) {
      committed.completeExceptionally(
          JournalUnavailableException.refused("the wall is stopping", null));
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
      // A race with write() may leave a group behind the last poll: answer it too.
      List<Pending> left = new ArrayList<>();
      queue.drainTo(left);
      JournalUnavailableException stopping =
          JournalUnavailableException.refused("the wall is stopping", null);
      left.forEach(pending -> pending.committed().completeExceptionally(stopping));
      dropProducer();
    }
  }

  /** Writes the groups in one transaction and answers each; never throws. */
  private void commit(List<Pending> group) {
    boolean commitAsked = false;
    try {
      if (producer == null) {
        producer = producers.get();
      }
      producer.beginTransaction();
      for (Pending pending : group) {
        for (ProducerRecord<String, String> record : pending.records()) {
          var unused = producer.send(record); // the commit below tells whether all of them landed
        }
      }
      commitAsked = true;
      producer.commitTransaction();
      group.forEach(pending -> pending.committed().complete(null));
    } catch (RuntimeException | Error e) {
      // Any failure: an unchecked one from a client library is no reason to stop writing batches.
      JournalUnavailableException failure =
          commitAsked
              ? new JournalUnavailableException(
                  "the Kafka transaction's commit failed ("
                      + e
                      + "); it may still be"
                      + " committed, so it may still take effect",
                  e)
              : abort(e);
      group.forEach(pending -> pending.committed().completeExceptionally(failure));
      if (commitAsked) {
        dropProducer();
      }
    }
  }

  /**
   * Aborts the open transaction, or drops a producer that cannot; the records are not written
   * either way.
   */
  private JournalUnavailableException abort(Throwable cause) {
    if (producer != null) {
      try {
        producer.abortTransaction();
      } catch (RuntimeException | Error e) {
        LOG.log(
            Level.WARNING,
            "cannot abort a failed transaction ("
                + e
                + "); the next batch starts a new"
                + " transactional producer, which aborts it");
        dropProducer();
      }
    }
    return JournalUnavailableException.refused(
        "the Kafka transaction failed (" + cause + ") and was not committed", cause);
  }

  private void dropProducer() {
    if (producer != null) {
      try {
        producer.close(
            Duration.ZERO); // what it still holds belongs to a transaction its successor ends
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "closing a failed transactional producer: " + e);
      }
      producer = null;
    }
  }
}
