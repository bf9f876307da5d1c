package com.accountwall.ui.table;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.collections.ObservableListBase;

/**
 * The wall's rows in the table's order, re-sorted at the cost of the rows that moved rather than of
 * the whole list. Read-only to everyone but {@link TableModel}; the table sorts it through {@link
 * #sort}.
 *
 * <p>Why not an {@code observableArrayList} sorted by the table: its sort compares every row
 * through the columns' cell values (an allocation and a boxing per comparison) in an O(n log n)
 * merge sort, which for 100,000 rows takes the whole frame, every frame. Here, between two sorts
 * only the rows marked {@linkplain #markMoved moved} can be out of place, so a sort takes them out,
 * sorts those few, finds each one's place among the others by binary search and copies the runs
 * between: O(k log n) comparisons for k moved rows, plus array copies. It is announced as one
 * permutation, which keeps the table's selection and scroll position. When the order itself changes
 * (a click on a column header), every row has moved, and the same steps sort them all.
 *
 * <p>Passes over all rows never touch the row objects, which lie all over the heap (a cache miss
 * each, 10 ms for 100,000 rows): each row holds a small number, its {@linkplain AccountRow#slot
 * slot}, kept beside it in a parallel {@code int} array, and what the passes need to know about a
 * row (moved, leaving) is kept in arrays indexed by slot, small enough to stay in the cache.
 *
 * <p>Stable: rows that compare equal keep their relative order, as with a full stable sort.
 *
 * <p>Confined to the JavaFX thread.
 */
public final class AccountRows extends ObservableListBase<AccountRow> {
  /** The {@link AccountRow#slot} of a row not in the list. */
  static final int NOT_LISTED = -1;

  private AccountRow[] rows = new AccountRow[16];
  private int[] slots = new int[16];
  private int size;
  private Comparator<? super AccountRow> sortedBy;

  private boolean[] movedBySlot = new boolean[16];
  private int[] movedFromBySlot = new int[16];
  private int movedCount;
  private int[] freeSlots = new int[16];
  private int freeCount;
  private int slotsInUse;

  // Scratch space of the incremental sort, kept between sorts.
  private AccountRow[] keptRows = new AccountRow[16];
  private int[] keptSlots = new int[16];
  private int[] keptFrom = new int[16];

  AccountRows() {}

  @Override
  public AccountRow get(int index) {
    return rows[Objects.checkIndex(index, size)];
  }

  @Override
  public int size() {
    return size;
  }

  /** Whether {@code object} is a row in this list; without a pass over the rows. */
  @Override
  public boolean contains(Object object) {
    return object instanceof AccountRow row && row.slot != NOT_LISTED;
  }

  /** Adds rows at the end; they are moved until the next sort puts them in place. */
  void addArrivals(List<AccountRow> arrivals) {
    if (arrivals.isEmpty()) {
      return;
    }
    int from = size;
    ensureCapacity(size + arrivals.size());
    for (AccountRow row : arrivals) {
      row.slot = takeSlot();
      rows[size] = row;
      slots[size++] = row.slot;
      markMoved(row);
    }
    beginChange();
    nextAdd(from, size);
    endChange();
  }

  /** Removes the given rows, which must be in this list, in one pass. */
  void removeAll(Set<AccountRow> leaving) {
    if (leaving.isEmpty()) {
      return;
    }
    boolean[] leavingBySlot = new boolean[movedBySlot.length];
    leaving.forEach(row -> leavingBySlot[row.slot] = true);
    beginChange();
    int kept = 0;
    for (int i = 0; i < size; ) {
      if (!leavingBySlot[slots[i]]) {
        rows[kept] = rows[i];
        slots[kept++] = slots[i++];
        continue;
      }
      int runEnd = i;
      while (runEnd < size && leavingBySlot[slots[runEnd]]) {
        rows[runEnd].slot = NOT_LISTED;
        releaseSlot(slots[runEnd++]);
      }
      nextRemove(kept, List.copyOf(Arrays.asList(rows).subList(i, runEnd)));
      i = runEnd;
    }
    Arrays.fill(rows, kept, size, null);
    size = kept;
    endChange();
  }

  /** Replaces every row with {@code shown}, which the next sort puts in order. */
  void replaceAll(List<AccountRow> shown) {
    removeAll(Set.copyOf(Arrays.asList(rows).subList(0, size)));
    addArrivals(shown);
  }

  /** Notes that a value the table may sort by has changed in {@code row}, which is in this list. */
  void markMoved(AccountRow row) {
    if (!movedBySlot[row.slot]) {
      movedBySlot[row.slot] = true;
      movedCount++;
    }
  }

  /** Notes that every row may have moved, as when all deadlines change at once. */
  void markAllMoved() {
    for (int i = 0; i < size; i++) {
      movedBySlot[slots[i]] = true;
    }
    movedCount = size;
  }

  /**
   * Puts the rows in {@code comparator}'s order. Incremental only when {@code comparator} is the
   * same instance as in the previous sort; pass a new one whenever the order itself changes.
   */
  @Override
  public void sort(Comparator<? super AccountRow> comparator) {
    if (comparator != sortedBy) {
      sortedBy = comparator;
      markAllMoved();
    }
    if (movedCount == 0) {
      return;
    }
    int[] oldIndex = mergeMoved(comparator);
    movedCount = 0;
    announcePermutation(oldIndex);
  }

  /**
   * Takes the moved rows out, sorts them, and puts each back where it belongs among the rows that
   * stayed, which are still in order. Rows that compare equal are kept in their old relative order.
   * Returns, for each new position, the old position of the row now there.
   */
  private int[] mergeMoved(Comparator<? super AccountRow> comparator) {
    AccountRow[] moved = new AccountRow[movedCount];
    int keptCount = 0;
    int m = 0;
    for (int i = 0; i < size; i++) {
      int slot = slots[i];
      if (movedBySlot[slot]) {
        movedBySlot[slot] = false;
        movedFromBySlot[slot] = i;
        moved[m++] = rows[i];
      } else {
        keptRows[keptCount] = rows[i];
        keptSlots[keptCount] = slot;
        keptFrom[keptCount++] = i;
      }
    }
    Arrays.sort(moved, comparator); // stable: rows that compare equal stay in their old order

    // Every row is now held in moved or keptRows, so the result can be written over rows.
    int[] oldIndex = new int[size];
    int written = 0;
    int taken = 0;
    for (AccountRow row : moved) {
      int from = movedFromBySlot[row.slot];
      int place = placeAmongKept(comparator, taken, keptCount, row, from);
      written = copyKept(taken, place, oldIndex, written);
      taken = place;
      oldIndex[written] = from;
      slots[written] = row.slot;
      rows[written++] = row;
    }
    copyKept(taken, keptCount, oldIndex, written);
    Arrays.fill(keptRows, 0, keptCount, null);
    return oldIndex;
  }

  /**
   * The first kept row, from {@code from}, that must come after {@code row}, which was at {@code
   * at}. The moved rows come in order, so each belongs soon after the one before: the search
   * gallops from there (1, 2, 4… rows on) and then halves, reading a few rows near {@code from}
   * rather than halving the whole rest of the table.
   */
  private int placeAmongKept(
      Comparator<? super AccountRow> comparator, int from, int to, AccountRow row, int at) {
    int low = from; // every kept row before low comes before row
    int probe = from;
    int step = 1;
    while (probe < to && comesBefore(comparator, probe, row, at)) {
      low = probe + 1;
      probe = low + step;
      step <<= 1;
    }
    int high = Math.min(probe, to); // high is to, or a kept row that comes after row
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (comesBefore(comparator, middle, row, at)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** Whether kept row {@code kept} comes before {@code row}, which was at {@code at}. */
  private boolean comesBefore(
      Comparator<? super AccountRow> comparator, int kept, AccountRow row, int at) {
    int order = comparator.compare(keptRows[kept], row);
    return order < 0 || (order == 0 && keptFrom[kept] < at);
  }

  private int copyKept(int from, int to, int[] oldIndex, int written) {
    int length = to - from;
    System.arraycopy(keptRows, from, rows, written, length);
    System.arraycopy(keptSlots, from, slots, written, length);
    System.arraycopy(keptFrom, from, oldIndex, written, length);
    return written + length;
  }

  /** Announces the reordering as one permutation over the range that changed, if any did. */
  private void announcePermutation(int[] oldIndex) {
    int from = 0;
    while (from < size && oldIndex[from] == from) {
      from++;
    }
    if (from == size) {
      return;
    }
    int to = size;
    while (oldIndex[to - 1] == to - 1) {
      to--;
    }
    int[] permutation = new int[to - from];
    for (int i = from; i < to; i++) {
      permutation[oldIndex[i] - from] = i;
    }
    beginChange();
    nextPermutation(from, to, permutation);
    endChange();
  }

  private int takeSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotsInUse == movedBySlot.length) {
      movedBySlot = Arrays.copyOf(movedBySlot, slotsInUse * 2);
      movedFromBySlot = new int[slotsInUse * 2];
      freeSlots = Arrays.copyOf(freeSlots, slotsInUse * 2);
    }
    return slotsInUse++;
  }

  private void releaseSlot(int slot) {
    if (movedBySlot[slot]) {
      movedBySlot[slot] = false;
      movedCount--;
    }
    freeSlots[freeCount++] = slot;
  }

  private void ensureCapacity(int capacity) {
    if (capacity > rows.length) {
      int length = Math.max(capacity, rows.length * 2);
      rows = Arrays.copyOf(rows, length);
      slots = Arrays.copyOf(slots, length);
      keptRows = new AccountRow[length];
      keptSlots = new int[length];
      keptFrom = new int[length];
    }
  }
}
