package com.accountwall.core;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The listing of {@link AccountSupervisor#allWidgetsOrdered()}: account ids with their counts in two
 * primitive arrays, sorted by id, and shown as an unmodifiable list that makes each element when it
 * is read.
 *
 * <p>The sort is a most-significant-digit radix sort fitted to the ids present: it spreads them over
 * up to 2^16 buckets by their highest bits within the range actually used, so a million ids take
 * one counting pass and one scattering pass, after which the buckets (about 15 ids each when ids are
 * spread evenly) are sorted by insertion. A bucket that is still large, as with ids bunched in one
 * place, is spread again by its own range; each level narrows the range 2^16-fold, so there are at
 * most four. Sorting a million objects with a comparator instead chases a pointer per comparison.
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

  /**
   * Sorts the first {@code size} ids, which are positive and distinct, each with its count, and
   * lists them. Takes ownership of both arrays.
   */
  static WidgetsById sort(long[] ids, long[] widgets, int size) {
    sort(ids, widgets, new long[size], new long[size], 0, size);
    return new WidgetsById(ids, widgets, size);
  }

  /** Sorts {@code [from, to)} of {@code ids} and {@code widgets} in place; the spares are scratch. */
  private static void sort(long[] ids, long[] widgets, long[] spareIds, long[] spareWidgets, int from, int to) {
    if (to - from <= INSERTION_MAX) {
      insertionSort(ids, widgets, from, to);
      return;
    }
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
      spareIds[at] = ids[i];
      spareWidgets[at] = widgets[i];
    }
    int bucketStart = from;
    for (int b = 0; b < starts.length - 1; b++) {
      int bucketEnd = starts[b];
      if (bucketEnd - bucketStart > 1) {
        sort(spareIds, spareWidgets, ids, widgets, bucketStart, bucketEnd);
      }
      bucketStart = bucketEnd;
    }
    System.arraycopy(spareIds, from, ids, from, to - from);
    System.arraycopy(spareWidgets, from, widgets, from, to - from);
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
