package com.accountwall.ui.table;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;

/**
 * The wall table's selection: one row at most, which it follows through every sort, arrival and
 * removal by finding that row again, and drops when the row leaves.
 *
 * <p>Why not the table's own: when the selected row leaves, {@code TableView}'s default model
 * selects whichever row moves into its place, so a second "End now" would end an account nobody
 * chose. And it answers every reordering of the items with a map of boxed indexes over the whole
 * range that moved, whatever is selected: with 100,000 rows re-sorted ten times a second, that was
 * 40 % of all the window allocated. Finding one row again is a pass over an array of references,
 * and only while a row is selected.
 *
 * <p>Confined to the JavaFX thread.
 */
final class AccountSelectionModel extends TableView.TableViewSelectionModel<AccountRow> {
  private final ObservableList<TablePosition> selectedCells = FXCollections.observableArrayList();
  private final ObservableList<TablePosition> readOnlyCells =
      FXCollections.unmodifiableObservableList(selectedCells);

  AccountSelectionModel(TableView<AccountRow> table) {
    super(table);
    selectedIndexProperty().addListener((observable, before, index) -> showCell(index.intValue()));
    table.getItems().addListener((ListChangeListener<AccountRow>) change -> followSelectedRow());
  }

  private void followSelectedRow() {
    AccountRow row = getSelectedItem();
    if (row == null) {
      return;
    }
    int index = getTableView().getItems().indexOf(row);
    if (index < 0) {
      clearSelection();
    } else if (index != getSelectedIndex()) {
      clearAndSelect(index);
    }
  }

  private void showCell(int index) {
    if (index < 0) {
      selectedCells.clear();
    } else {
      selectedCells.setAll(new TablePosition<>(getTableView(), index, null));
    }
  }

  @Override
  public ObservableList<TablePosition> getSelectedCells() {
    return readOnlyCells;
  }

  @Override
  public boolean isSelected(int row, TableColumn<AccountRow, ?> column) {
    return isSelected(row);
  }

  @Override
  public void select(int row, TableColumn<AccountRow, ?> column) {
    select(row);
  }

  @Override
  public void clearAndSelect(int row, TableColumn<AccountRow, ?> column) {
    clearAndSelect(row);
  }

  @Override
  public void clearSelection(int row, TableColumn<AccountRow, ?> column) {
    clearSelection(row);
  }

  @Override
  public void selectLeftCell() {
    // whole rows only
  }

  @Override
  public void selectRightCell() {
    // whole rows only
  }

  @Override
  public void selectAboveCell() {
    selectPrevious();
  }

  @Override
  public void selectBelowCell() {
    selectNext();
  }
}
