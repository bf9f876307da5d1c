package com.accountwall.kafka;

import com.accountwall.journal.OrderJournal;
import com.accountwall.journal.Receipt;
import java.util.BitSet;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link com.accountwall.journal.IdempotencyKey Idempotency-Keys} the order log has applied,
 * with their receipts: so a repeat sent to any wall applies nothing and gets the first answer.
 *
 * <p><b>Which copy counts.</b> A keyed request is one record per partition it touches (all in one
 * transaction when there are several), each carrying the key. Of all the records with one key on
 * one partition, only the first in that partition's log is applied; so however two attempts of a
 * request interleave across partitions (a retry racing its first attempt on another wall), each
 * part is applied exactly once, and since a decision reads one partition's order only, every wall
 * decides alike. The receipt is what the part holding the request's last order did; it is known
 * once that part is read, and as the parts were committed together, the whole request is durable by
 * then.
 *
 * <p><b>Another body.</b> The same key with another fingerprint is a client's mistake: a wall that
 * has seen the key refuses it before writing. One that has not yet (it lags, or two walls took the
 * two requests at the same moment) writes it, and then each of its parts counts only on a partition
 * the key has not reached yet: alike on every wall, but not all or nothing for that request.
 *
 * <p><b>How long.</b> A key is kept for {@link OrderJournal#KEYS_KEPT} of record time after its
 * first part (log time, so every wall forgets alike); the replay reads that far back for them.
 *
 * <p><b>Thread safety:</b> the follower thread records; request threads {@link #find} concurrently.
 * An entry's fingerprint and first time never change; its receipt is published through a volatile
 * field, its partitions are the follower's alone.
 */
final class AppliedKeys {
  private static final long KEPT_MILLIS = OrderJournal.KEYS_KEPT.toMillis();

  private final Map<String, Entry> keys = new ConcurrentHashMap<>();
  private long logMillis = Long.MIN_VALUE; // the follower's
  private int putsSincePrune; // the follower's

  /** One key as the log has it. */
  static final class Entry {
    final String fingerprint;
    final long firstMillis;
    private final BitSet partitions = new BitSet();
    private volatile Receipt receipt;

    private Entry(String fingerprint, long firstMillis) {
      this.fingerprint = fingerprint;
      this.firstMillis = firstMillis;
    }

    /** What the request applied, once the part with its last order is read; else null. */
    Receipt receipt() {
      return receipt;
    }
  }

  /** What a part of a keyed request read from the log is. */
  enum Part {
    /** The first with its key on its partition: apply it. */
    FIRST,
    /** A copy of a part already applied there: skip it. */
    REPEAT,
    /** A part with the key of another request already applied there: skip it. */
    REUSED,
    /**
     * The first with its key on its partition, but another request holds the key: apply it, answer
     * as reused.
     */
    STRAY;

    boolean applies() {
      return this == FIRST || this == STRAY;
    }
  }

  /**
   * Decides a keyed part read from {@code partition} with record time {@code atMillis}, and records
   * it. Follower thread only.
   */
  Part read(JournalEvent.KeyPart key, int partition, long atMillis) {
    logMillis = Math.max(logMillis, atMillis);
    Entry entry = keys.get(key.value());
    if (entry == null || atMillis - entry.firstMillis >= KEPT_MILLIS) {
      entry = new Entry(key.fingerprint(), atMillis);
      keys.put(key.value(), entry);
      pruneNowAndThen();
    }
    boolean same = entry.fingerprint.equals(key.fingerprint());
    if (entry.partitions.get(partition)) {
      return same ? Part.REPEAT : Part.REUSED;
    }
    entry.partitions.set(partition);
    return same ? Part.FIRST : Part.STRAY;
  }

  /**
   * Keeps what the part with the request's last order applied, read just before as {@link
   * Part#FIRST}. Follower thread only.
   */
  void receipt(String key, Receipt receipt) {
    keys.get(key).receipt = receipt;
  }

  /**
   * The key's entry, or null if the log has none younger than {@link OrderJournal#KEYS_KEPT} at
   * {@code nowMillis}.
   */
  Entry find(String key, long nowMillis) {
    Entry entry = keys.get(key);
    return entry == null || nowMillis - entry.firstMillis >= KEPT_MILLIS ? null : entry;
  }

  /** Forgets keys past their time: amortised, one look per key recorded. */
  private void pruneNowAndThen() {
    if (++putsSincePrune >= keys.size()) {
      putsSincePrune = 0;
      for (Iterator<Entry> all = keys.values().iterator(); all.hasNext(); ) {
        if (logMillis - all.next().firstMillis >= KEPT_MILLIS) {
          all.remove();
        }
      }
    }
  }
}
