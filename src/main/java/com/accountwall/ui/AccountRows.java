package com.accountwall.ui;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.collections.ObservableListBase;

/**
 * The wall's rows in the table's order, re-sorted at the cost of the rows that moved rather than of
 * the whole list. Read-only to everyone but {@link WallViewModel}; the table sorts it through
 * {@link #sort}.
 *
 * <p>Why not an {@code observableArrayList} sorted by the table: its sort compares every row
 * through the columns' cell values (an allocation and a boxing per comparison) in an
 * O(n log n) merge sort, which for 100,000 rows takes the whole frame, every frame. Here, between
 * two sorts only the rows marked {@linkplain #markMoved moved} can be out of place, so a sort takes
 * them out, sorts those few, finds each one's place among the others by binary search and copies
 * the runs between: O(k log n) comparisons for k moved rows, plus array copies. It is announced as
 * one permutation, which keeps the table's selection and scroll position. When the order itself
 * changes (a click on a column header), every row has moved, and the same steps sort them all.
 *
 * <p>Stable: rows that compare equal keep their relative order, as with a full stable sort.
 *
 * <p>Confined to the JavaFX thread.
 */
public final class AccountRows extends ObservableListBase<AccountRow> {
  private AccountRow[] rows = new AccountRow[16];
  private int size;
  private int movedCount;
  private Comparator<? super AccountRow> sortedBy;

  // Scratch space of the incremental sort, kept between sorts.
  private AccountRow[] spare = new AccountRow[16];
  private int[] oldIndexOfKept = new int[16];

  AccountRows() {}

  @Override
  public AccountRow get(int index) {
    return rows[Objects.checkIndex(index, size)];
  }

  @Override
  public int size() {
    return size;
  }

  /** Adds rows at the end; they are moved until the next sort puts them in place. */
  void addArrivals(List<AccountRow> arrivals) {
    if (arrivals.isEmpty()) {
      return;
    }
    int from = size;
    ensureCapacity(size + arrivals.size());
    for (AccountRow row : arrivals) {
      rows[size++] = row;
      markMoved(row);
    }
    beginChange();
    nextAdd(from, size);
    endChange();
  }

  /** Removes the given rows in one pass. */
  void removeAll(Set<AccountRow> leaving) {
    if (leaving.isEmpty()) {
      return;
    }
    beginChange();
    int kept = 0;
    for (int i = 0; i < size; i++) {
      AccountRow row = rows[i];
      if (leaving.contains(row)) {
        nextRemove(kept, row);
        if (row.moved) {
          row.moved = false;
          movedCount--;
        }
      } else {
        rows[kept++] = row;
      }
    }
    Arrays.fill(rows, kept, size, null);
    size = kept;
    endChange();
  }

  /** Notes that a value the table may sort by has changed in {@code row}. */
  void markMoved(AccountRow row) {
    if (!row.moved) {
      row.moved = true;
      movedCount++;
    }
  }

  /** Notes that every row may have moved, as when all deadlines change at once. */
  void markAllMoved() {
    for (int i = 0; i < size; i++) {
      markMoved(rows[i]);
    }
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
   */
  private int[] mergeMoved(Comparator<? super AccountRow> comparator) {
    AccountRow[] kept = spare;
    int[] movedFrom = new int[movedCount];
    int keptCount = 0;
    int m = 0;
    for (int i = 0; i < size; i++) {
      AccountRow row = rows[i];
      if (row.moved) {
        row.moved = false;
        movedFrom[m++] = i;
      } else {
        oldIndexOfKept[keptCount] = i;
        kept[keptCount++] = row;
      }
    }
    AccountRow[] before = rows;
    Integer[] moved = new Integer[movedFrom.length];
    for (int i = 0; i < moved.length; i++) {
      moved[i] = movedFrom[i];
    }
    Arrays.sort(moved, (a, b) -> comparator.compare(before[a], before[b])); // stable: ties by old index

    // Write the result into rows in place of the old order, which is no longer needed but for
    // the moved rows, already taken into their own array.
    AccountRow[] movedRows = new AccountRow[moved.length];
    for (int i = 0; i < moved.length; i++) {
      movedRows[i] = before[moved[i]];
    }
    int[] oldIndex = new int[size];
    int written = 0;
    int taken = 0;
    for (int i = 0; i < moved.length; i++) {
      int place = placeAmongKept(comparator, kept, taken, keptCount, movedRows[i], moved[i]);
      written = copyKept(kept, taken, place, oldIndex, written);
      taken = place;
      oldIndex[written] = moved[i];
      rows[written++] = movedRows[i];
    }
    copyKept(kept, taken, keptCount, oldIndex, written);
    Arrays.fill(kept, 0, keptCount, null);
    return oldIndex;
  }

  /** The first kept row, from {@code from}, that must come after {@code row}, which was at {@code at}. */
  private int placeAmongKept(
      Comparator<? super AccountRow> comparator, AccountRow[] kept, int from, int to, AccountRow row, int at) {
    int low = from;
    int high = to;
    while (low < high) {
      int middle = (low + high) >>> 1;
      int order = comparator.compare(kept[middle], row);
      if (order < 0 || (order == 0 && oldIndexOfKept[middle] < at)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private int copyKept(AccountRow[] kept, int from, int to, int[] oldIndex, int written) {
    int length = to - from;
    System.arraycopy(kept, from, rows, written, length);
    System.arraycopy(oldIndexOfKept, from, oldIndex, written, length);
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

  private void ensureCapacity(int capacity) {
    if (capacity > rows.length) {
      int length = Math.max(capacity, rows.length * 2);
      rows = Arrays.copyOf(rows, length);
      spare = new AccountRow[length];
      oldIndexOfKept = new int[length];
    }
  }
}
