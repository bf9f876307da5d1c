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
  private final Map<Long, Integer> lastRow = new HashMap<>();

  /**
   * Appends an order as {@code seq}, or adds it to the account's row of the same millisecond.
   *
   * @return whether it took {@code seq} (else it joined a row)
   */
  boolean order(long seq, long id, long quantity, long atMillis, AccountChains.Link link) {
    Integer last = lastRow.get(id);
    if (last != null && rows.get(last).atMillis() == atMillis && !rows.get(last).isEnd()) {
      HistoryRow row = rows.get(last);
      rows.set(last, new HistoryRow(row.seq(), id, row.quantity() + quantity, atMillis));
      links.set(
          last,
          new AccountChains.Link(links.get(last).extended(), link.count(), link.lastMillis()));
      return false;
    }
    lastRow.put(id, rows.size());
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
    lastRow.put(id, rows.size());
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
    lastRow.clear(); // rows are not joined across the two
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
}
