package com.accountwall.core;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;
import java.util.function.Consumer;

/**
 * The listing of {@link AccountSupervisor#allWidgetsOrdered()}: account ids with their counts in
 * two primitive arrays, sorted by id, and shown as an unmodifiable list that makes each element
 * when it is read.
 *
 * <p>The sort is a most-significant-digit radix sort fitted to the ids present: it spreads them
 * over up to 2^16 buckets by their highest bits within the range actually used, so a million ids
 * take one counting pass and one scattering pass, after which the buckets (about 15 ids each when
 * ids are spread evenly) are sorted by insertion. A bucket that is still large, as with ids bunched
 * in one place, is spread again by its own range; each level narrows the range 2^16-fold, so there
 * are at most four. Sorting a million objects with a comparator instead chases a pointer per
 * comparison.
 */
final class WidgetsById extends AbstractList<WidgetsOrdered> implements RandomAccess {
  private static final int DIGIT_BITS = 16;

  /** Buckets up to this size are sorted by insertion. */
  private static final int INSERTION_MAX = 32;

  private final long[] ids;
  private final long[] widgets;
  private final int size;

  private WidgetsById(long[] ids, long[] widgets, int size) {
    this.ids = ids;
    this.widgets = widgets;
    this.size = size;
  }

  /** Reads the id and count of each account it is given, then lists them sorted. */
  static final class Reader implements Consumer<Account> {
    private long[] ids;
    private long[] widgets;
    private int size;

    Reader(int expected) {
      ids = new long[expected + 16];
      widgets = new long[expected + 16];
    }

    @Override
    public void accept(Account account) {
      if (size == ids.length) { // accounts created during the pass
        ids = Arrays.copyOf(ids, size * 2);
        widgets = Arrays.copyOf(widgets, size * 2);
      }
      ids[size] = account.id();
      widgets[size] = account.widgetsOrdered();
      size++;
    }

    WidgetsById sorted() {
      return sort(ids, widgets, size);
    }
  }

  /**
   * Sorts the first {@code size} ids, which are positive and distinct, each with its count, and
   * lists them. Takes ownership of both arrays, which it may use as scratch.
   */
  static WidgetsById sort(long[] ids, long[] widgets, int size) {
    if (size <= INSERTION_MAX) {
      insertionSort(ids, widgets, 0, size);
      return new WidgetsById(ids, widgets, size);
    }
    // The first spreading writes into new arrays, which then hold the result: no copy back.
    long[] sortedIds = new long[size];
    long[] sortedWidgets = new long[size];
    spread(ids, widgets, sortedIds, sortedWidgets, 0, size);
    return new WidgetsById(sortedIds, sortedWidgets, size);
  }

  /**
   * Sorts {@code [from, to)} of {@code ids} and {@code widgets} in place; the spares are scratch.
   */
  private static void sort(
      long[] ids, long[] widgets, long[] spareIds, long[] spareWidgets, int from, int to) {
    if (to - from <= INSERTION_MAX) {
      insertionSort(ids, widgets, from, to);
      return;
    }
    spread(ids, widgets, spareIds, spareWidgets, from, to);
    System.arraycopy(spareIds, from, ids, from, to - from);
    System.arraycopy(spareWidgets, from, widgets, from, to - from);
  }

  /**
   * Puts {@code [from, to)} of {@code ids} and {@code widgets} sorted into the same range of {@code
   * intoIds} and {@code intoWidgets}, using the former as scratch.
   */
  private static void spread(
      long[] ids, long[] widgets, long[] intoIds, long[] intoWidgets, int from, int to) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = from; i < to; i++) {
      min = Math.min(min, ids[i]);
      max = Math.max(max, ids[i]);
    }
    // Positive ids: max - min cannot overflow.
    int shift = Math.max(0, Long.SIZE - Long.numberOfLeadingZeros(max - min) - DIGIT_BITS);
    int[] starts = new int[(int) ((max - min) >>> shift) + 2];
    for (int i = from; i < to; i++) {
      starts[(int) ((ids[i] - min) >>> shift) + 1]++;
    }
    starts[0] = from;
    for (int b = 1; b < starts.length; b++) {
      starts[b] += starts[b - 1];
    }
    // starts[b] is now where bucket b begins; scattering moves each start to the next bucket's.
    for (int i = from; i < to; i++) {
      int at = starts[(int) ((ids[i] - min) >>> shift)]++;
      intoIds[at] = ids[i];
      intoWidgets[at] = widgets[i];
    }
    int bucketStart = from;
    for (int b = 0; b < starts.length - 1; b++) {
      int bucketEnd = starts[b];
      if (bucketEnd - bucketStart > 1) {
        sort(intoIds, intoWidgets, ids, widgets, bucketStart, bucketEnd);
      }
      bucketStart = bucketEnd;
    }
  }

  private static void insertionSort(long[] ids, long[] widgets, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      long id = ids[i];
      long count = widgets[i];
      int j = i - 1;
      for (; j >= from && ids[j] > id; j--) {
        ids[j + 1] = ids[j];
        widgets[j + 1] = widgets[j];
      }
      ids[j + 1] = id;
      widgets[j + 1] = count;
    }
  }

  @Override
  public WidgetsOrdered get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + size);
    }
    return new WidgetsOrdered(ids[index], widgets[index]);
  }

  @Override
  public int size() {
    return size;
  }
}
