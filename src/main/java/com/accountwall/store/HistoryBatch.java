package com.accountwall.store;

import com.accountwall.journal.AccountChains;
import com.accountwall.journal.HistoryStep;
import com.accountwall.journal.HistorySteps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one commit appends to the history: its rows, each with the link {@link AccountChains} gave
 * it, the per-minute totals they add, the keys of keyed requests, and the entries whose callers
 * wait for it. Orders of one account made in the same millisecond share a row (their quantities
 * summed): replayed, such a row links exactly as its orders did one by one, since only the first of
 * them can start a new chain. The writer stamps a whole commit with one time, so that is one row
 * per account per commit.
 *
 * <p>Not thread-safe: the writer's alone.
 */
final class HistoryBatch {
  final List<Entry> entries = new ArrayList<>();
  final List<HistoryRow> rows = new ArrayList<>();

  /** Per row: how it linked; null for an ending. */
  final List<AccountChains.Link> links = new ArrayList<>();

  final List<KeptReceipt> keys = new ArrayList<>();
  private final Map<Long, long[]> minutes = new HashMap<>();

  /** Per account: its last row in this batch, which a later order of the same millisecond joins. */
  private LastRows lastRows;

  /** A batch for about {@code expectedOrders} orders (more may come). */
  HistoryBatch(int expectedOrders) {
    lastRows = new LastRows(expectedOrders);
  }

  /**
   * Appends an order as {@code seq}, or adds it to the account's row of the same millisecond.
   *
   * @return whether it took {@code seq} (else it joined a row)
   */
  boolean order(long seq, long id, long quantity, long atMillis, AccountChains.Link link) {
    int last = lastRows.get(id);
    if (last >= 0 && rows.get(last).atMillis() == atMillis && !rows.get(last).isEnd()) {
      HistoryRow row = rows.get(last);
      rows.set(last, new HistoryRow(row.seq(), id, row.quantity() + quantity, atMillis));
      links.set(
          last,
          new AccountChains.Link(links.get(last).extended(), link.count(), link.lastMillis()));
      return false;
    }
    lastRows.put(id, rows.size());
    rows.add(new HistoryRow(seq, id, quantity, atMillis));
    links.add(link);
    return true;
  }

  /**
   * Adds {@code orders} orders of {@code widgets} widgets made at {@code atMillis} to their
   * minute's totals.
   */
  void count(long atMillis, long orders, long widgets) {
    long[] minute = minutes.computeIfAbsent(HistorySteps.minuteOf(atMillis), key -> new long[2]);
    minute[0] += orders;
    minute[1] += widgets;
  }

  /** Appends an ending as {@code seq}. */
  void end(long seq, long id, long atMillis) {
    lastRows.put(id, rows.size());
    rows.add(new HistoryRow(seq, id, 0, atMillis));
    links.add(null);
  }

  /** Puts {@code later}'s content after this one's: a failed batch retried with what came since. */
  void append(HistoryBatch later) {
    entries.addAll(later.entries);
    rows.addAll(later.rows);
    links.addAll(later.links);
    keys.addAll(later.keys);
    later.minutes.forEach(
        (minute, totals) -> {
          long[] mine = minutes.computeIfAbsent(minute, key -> new long[2]);
          mine[0] += totals[0];
          mine[1] += totals[1];
        });
    lastRows = new LastRows(0); // rows are not joined across the two
  }

  /** The per-minute totals to add. */
  List<HistoryStep> minutes() {
    List<HistoryStep> steps = new ArrayList<>(minutes.size());
    minutes.forEach(
        (minute, totals) ->
            steps.add(new HistoryStep(Instant.ofEpochMilli(minute), totals[0], totals[1])));
    return steps;
  }

  /** The last row's seq, or {@code otherwise} if it has none. */
  long lastSeq(long otherwise) {
    return rows.isEmpty() ? otherwise : rows.get(rows.size() - 1).seq();
  }

  boolean isEmpty() {
    return rows.isEmpty() && keys.isEmpty();
  }

  /**
   * Account id to row index, in open addressing over arrays (ids are positive, so 0 marks a free
   * slot): a batch of many thousand orders looks one up per order, and boxed keys in a {@code
   * HashMap} cost the writer a sixth of its time under batches (JFR, BENCHMARKS.md).
   */
  private static final class LastRows {
    private long[] ids;
    private int[] rows;
    private int size;

    LastRows(int expected) {
      int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
      ids = new long[capacity];
      rows = new int[capacity];
    }

    /** The account's last row, or -1. */
    int get(long id) {
      int mask = ids.length - 1;
      for (int slot = slot(id, mask); ids[slot] != 0; slot = (slot + 1) & mask) {
        if (ids[slot] == id) {
          return rows[slot];
        }
      }
      return -1;
    }

    void put(long id, int row) {
      if ((size + 1) * 2 > ids.length) {
        grow();
      }
      int mask = ids.length - 1;
      int slot = slot(id, mask);
      while (ids[slot] != 0 && ids[slot] != id) {
        slot = (slot + 1) & mask;
      }
      if (ids[slot] == 0) {
        ids[slot] = id;
        size++;
      }
      rows[slot] = row;
    }

    private void grow() {
      long[] oldIds = ids;
      int[] oldRows = rows;
      ids = new long[oldIds.length * 2];
      rows = new int[oldIds.length * 2];
      size = 0;
      for (int i = 0; i < oldIds.length; i++) {
        if (oldIds[i] != 0) {
          put(oldIds[i], oldRows[i]);
        }
      }
    }

    /** Spreads ids that are often consecutive numbers (Fibonacci hashing). */
    private static int slot(long id, int mask) {
      return (int) ((id * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }
  }
}
