package com.accountwall.ui.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumn.SortType;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * The wall table's sort policy: puts {@link AccountRows} in the order of the table's sort columns,
 * comparing each column by a key read straight from the row rather than through the column's cell
 * values, and handing {@link AccountRows#sort} the same comparator for as long as the sort order
 * stays the same, so that it can sort only the rows that moved.
 *
 * <p>Confined to the JavaFX thread.
 */
final class AccountSortPolicy implements Callback<TableView<AccountRow>, Boolean> {
  private final AccountRows rows;
  private final Map<TableColumn<AccountRow, ?>, Comparator<AccountRow>> keys = new HashMap<>();
  private List<Object> sortedBy = List.of();
  private Comparator<AccountRow> comparator;

  AccountSortPolicy(AccountRows rows) {
    this.rows = rows;
  }

  /** Sorts {@code column} ascending by {@code key}; descending reverses it. */
  AccountSortPolicy sortBy(TableColumn<AccountRow, ?> column, Comparator<AccountRow> key) {
    keys.put(column, key);
    return this;
  }

  @Override
  public Boolean call(TableView<AccountRow> table) {
    List<Object> sortOrder = new ArrayList<>();
    for (TableColumn<AccountRow, ?> column : table.getSortOrder()) {
      sortOrder.add(column);
      sortOrder.add(column.getSortType());
    }
    if (sortOrder.isEmpty()) {
      return true; // unsorted: rows stay where they are
    }
    if (!sortOrder.equals(sortedBy)) {
      sortedBy = sortOrder;
      comparator = comparatorFor(table.getSortOrder());
    }
    rows.sort(comparator);
    return true;
  }

  private Comparator<AccountRow> comparatorFor(List<TableColumn<AccountRow, ?>> sortOrder) {
    Comparator<AccountRow> combined = null;
    for (TableColumn<AccountRow, ?> column : sortOrder) {
      Comparator<AccountRow> key = keys.get(column);
      if (key == null) {
        throw new IllegalStateException("no sort key for the column '" + column.getText() + "'");
      }
      Comparator<AccountRow> directed =
          column.getSortType() == SortType.DESCENDING ? key.reversed() : key;
      combined = combined == null ? directed : combined.thenComparing(directed);
    }
    return combined;
  }
}
