package com.accountwall.core;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The listing of {@link AccountSupervisor#allWidgetsOrdered()}: account ids with their counts in two
 * primitive arrays, sorted by id with a radix sort, and shown as an unmodifiable list that makes each
 * element when it is read. A million accounts sort in a few passes over two arrays of longs, where
 * sorting a million objects with a comparator chases a pointer per comparison.
 */
final class WidgetsById extends AbstractList<WidgetsOrdered> implements RandomAccess {
  private static final int DIGIT_BITS = 16;
  private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;

  private final long[] ids;
  private final long[] widgets;
  private final int size;

  private WidgetsById(long[] ids, long[] widgets, int size) {
    this.ids = ids;
    this.widgets = widgets;
    this.size = size;
  }

  /**
   * Sorts the first {@code size} positive ids, each with its count, and lists them. Takes
   * ownership of both arrays.
   */
  static WidgetsById sort(long[] ids, long[] widgets, int size) {
    long[] spareIds = new long[size];
    long[] spareWidgets = new long[size];
    int[] starts = new int[1 << DIGIT_BITS];
    // Least significant digit first; ids are positive, so unsigned order is numeric order.
    for (int shift = 0; shift < Long.SIZE && size > 1; shift += DIGIT_BITS) {
      Arrays.fill(starts, 0);
      for (int i = 0; i < size; i++) {
        starts[digit(ids[i], shift)]++;
      }
      if (starts[digit(ids[0], shift)] == size) {
        continue; // every id has this digit: the pass would change nothing
      }
      for (int d = 0, start = 0; d < starts.length; d++) {
        int count = starts[d];
        starts[d] = start;
        start += count;
      }
      for (int i = 0; i < size; i++) {
        int at = starts[digit(ids[i], shift)]++;
        spareIds[at] = ids[i];
        spareWidgets[at] = widgets[i];
      }
      long[] swap = ids;
      ids = spareIds;
      spareIds = swap;
      swap = widgets;
      widgets = spareWidgets;
      spareWidgets = swap;
    }
    return new WidgetsById(ids, widgets, size);
  }

  private static int digit(long id, int shift) {
    return (int) (id >>> shift) & DIGIT_MASK;
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
