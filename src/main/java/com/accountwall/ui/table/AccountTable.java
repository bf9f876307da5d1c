package com.accountwall.ui.table;

import com.accountwall.ui.text.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The table of live accounts over a {@link TableModel}: id, name, team, widgets sold and time left,
 * sorted by widgets sold until a column header is clicked, with the rows' animations, a selection
 * that follows its row ({@link AccountSelectionModel}) and a sort that costs only the rows that
 * moved ({@link AccountSortPolicy}) and holds while someone aims at a row ({@link
 * #holdRowsWhileAimedAt}). It ends after its last whole row, so that no row is cut in half at the
 * bottom of the wall, and can show a page of rows from a given one ({@link #showFrom}). A row
 * clicked or tapped, or the selected one on Enter, is {@linkplain #setOnRowChosen chosen}. Confined
 * to the JavaFX thread.
 */
public final class AccountTable extends TableView<AccountRow> {
  private final TableColumn<AccountRow, Long> idColumn = column("id-column", 130);
  private final TableColumn<AccountRow, String> nameColumn = column(null, 400);
  private final TableColumn<AccountRow, String> teamColumn = column("team-column", 180);
  private final TableColumn<AccountRow, Number> widgetsColumn = column("count-column", 200);
  private final TableColumn<AccountRow, Instant> timeLeftColumn = column("time-left-column", 240);

  /** How long a pointer or a selection left alone keeps the rows held. */
  static final Duration AT_REST = Duration.ofSeconds(15);

  private final ReadOnlyIntegerWrapper wholeRows = new ReadOnlyIntegerWrapper(this, "wholeRows", 1);
  private Consumer<AccountRow> onRowChosen = row -> {};

  /** The table over {@code model}, its headers and counts in {@code texts}' language. */
  public AccountTable(TableModel model, Texts texts) {
    setId("accounts");
    idColumn.setText(texts.text("table.account"));
    nameColumn.setText(texts.text("table.name"));
    teamColumn.setText(texts.text("table.team"));
    widgetsColumn.setText(texts.text("table.widgetsSold"));
    timeLeftColumn.setText(texts.text("table.timeLeft"));
    getStyleClass().add("accounts");
    setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    getColumns().setAll(idColumn, nameColumn, teamColumn, widgetsColumn, timeLeftColumn);
    setItems(model.getRows());
    setSelectionModel(new AccountSelectionModel(this));
    setRowFactory(
        view -> {
          AccountTableRow row = new AccountTableRow();
          // A tap on a touch screen arrives as a click too.
          row.setOnMouseClicked(
              click -> {
                if (!row.isEmpty() && click.getButton() == MouseButton.PRIMARY) {
                  onRowChosen.accept(row.getItem());
                }
              });
          return row;
        });
    addEventHandler(
        KeyEvent.KEY_PRESSED,
        key -> {
          AccountRow selected = getSelectionModel().getSelectedItem();
          if (key.getCode() == KeyCode.ENTER && selected != null) {
            onRowChosen.accept(selected);
          }
        });
    idColumn.setCellValueFactory(
        cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getAccountId()));
    nameColumn.setCellValueFactory(cell -> cell.getValue().nameProperty());
    teamColumn.setCellValueFactory(cell -> cell.getValue().teamProperty());
    widgetsColumn.setCellValueFactory(cell -> cell.getValue().widgetsSoldProperty());
    widgetsColumn.setCellFactory(column -> new CountCell(texts));
    timeLeftColumn.setCellValueFactory(cell -> cell.getValue().expiresAtProperty());
    timeLeftColumn.setCellFactory(
        column -> new TimeLeftCell(model.nowProperty(), model.lifetimeProperty()));
    widgetsColumn.setSortType(TableColumn.SortType.DESCENDING);
    setSortPolicy(
        new AccountSortPolicy(model.getRows())
            .sortBy(idColumn, Comparator.comparingLong(AccountRow::getAccountId))
            .sortBy(
                nameColumn,
                Comparator.comparing(
                    AccountRow::getName, Comparator.nullsFirst(Comparator.naturalOrder())))
            .sortBy(teamColumn, Comparator.comparing(AccountRow::getTeam))
            .sortBy(widgetsColumn, Comparator.comparingLong(AccountRow::getWidgetsSold))
            .sortBy(
                timeLeftColumn,
                Comparator.comparing(
                    AccountRow::getExpiresAt, Comparator.nullsFirst(Comparator.naturalOrder()))));
    getSortOrder().add(widgetsColumn);
    // Counts change in place, which a sorted table does not notice: sort once per batch instead.
    model.setOnBatchApplied(this::sort);
    holdRowsWhileAimedAt(model);
    placeholderProperty()
        .bind(
            Bindings.createObjectBinding(
                () ->
                    new Label(
                        texts.text("table.empty", texts.duration(model.lifetimeProperty().get()))),
                model.lifetimeProperty()));
  }

  /**
   * Holds the rows where they are while someone aims at one: while the pointer moves over the table
   * or a row is selected, where a row that moved away is the wrong row clicked. A pointer or a
   * selection left alone for {@link #AT_REST} is nobody aiming, as with a mouse parked on a wall
   * for the night: the rows sort again.
   */
  private void holdRowsWhileAimedAt(TableModel model) {
    BooleanProperty used = new SimpleBooleanProperty(this, "used");
    PauseTransition rest = new PauseTransition(javafx.util.Duration.millis(AT_REST.toMillis()));
    rest.setOnFinished(event -> used.set(false));
    Runnable touched =
        () -> {
          used.set(true);
          rest.playFromStart();
        };
    addEventFilter(MouseEvent.MOUSE_MOVED, event -> touched.run());
    addEventFilter(MouseEvent.MOUSE_PRESSED, event -> touched.run());
    addEventFilter(ScrollEvent.SCROLL, event -> touched.run());
    addEventFilter(KeyEvent.KEY_PRESSED, event -> touched.run());
    BooleanBinding selected = getSelectionModel().selectedIndexProperty().isNotEqualTo(-1);
    selected.addListener((observable, was, now) -> touched.run());
    model.rowsHeldProperty().bind(used.and(hoverProperty().or(selected)));
  }

  /**
   * Shows the Team column only while {@code anyTeam}: an empty column only takes the names' room.
   */
  public void showTeamColumnWhile(ObservableBooleanValue anyTeam) {
    teamColumn.visibleProperty().bind(anyTeam);
  }

  /** What to do with a row someone chose: clicked, tapped, or Enter on the selected one. */
  public void setOnRowChosen(Consumer<AccountRow> value) {
    onRowChosen = Objects.requireNonNull(value, "onRowChosen");
  }

  /** How many whole rows the table shows under its column headers: a page. */
  public ReadOnlyIntegerProperty wholeRowsProperty() {
    return wholeRows.getReadOnlyProperty();
  }

  /**
   * Ends the table after its last whole row within {@code available}, the height it may take. The
   * column headers' height counts, and it changes with the type size after the table's, so it is
   * followed once the skin has made the headers.
   */
  public void fitWholeRows(ObservableDoubleValue available) {
    bindWholeRows(available);
    skinProperty().addListener(observable -> bindWholeRows(available));
  }

  private void bindWholeRows(ObservableDoubleValue available) {
    Node header = lookup(".column-header-background");
    Observable[] sizes =
        header instanceof Region region
            ? new Observable[] {available, fixedCellSizeProperty(), region.heightProperty()}
            : new Observable[] {available, fixedCellSizeProperty()};
    maxHeightProperty()
        .bind(
            Bindings.createDoubleBinding(
                () -> headerHeight() + wholeRows(available.get()) * getFixedCellSize(), sizes));
    wholeRows.bind(
        Bindings.createIntegerBinding(
            () -> wholeRows(getHeight()), heightProperty(), fixedCellSizeProperty()));
  }

  /** How many whole rows fit under the column headers in {@code height}. */
  private int wholeRows(double height) {
    double cell = getFixedCellSize();
    return cell > 0 ? Math.max(1, (int) ((height - headerHeight()) / cell)) : 1;
  }

  private double headerHeight() {
    Node header = lookup(".column-header-background");
    return header instanceof Region region ? region.getHeight() : getFixedCellSize();
  }

  /** Scrolls so that row {@code first} is the top one, exactly under the headers. */
  public void showFrom(int first) {
    scrollTo(first);
    // Rows are a fraction of a pixel high at most window sizes, which leaves a later page's first
    // row a few pixels under the headers; lay the table out now and scroll the rest of the way.
    layout();
    if (lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
      IndexedCell<?> top = flow.getVisibleCell(first);
      if (top != null && top.getLayoutY() != 0) {
        flow.scrollPixels(top.getLayoutY());
      }
    }
  }

  private static <T> TableColumn<AccountRow, T> column(String styleClass, double prefWidth) {
    TableColumn<AccountRow, T> column = new TableColumn<>();
    if (styleClass != null) {
      column.getStyleClass().add(styleClass);
    }
    column.setPrefWidth(prefWidth);
    return column;
  }

  /** A widget count with thousands separators. */
  private static final class CountCell extends TableCell<AccountRow, Number> {
    private final Texts texts;

    CountCell(Texts texts) {
      this.texts = texts;
      getStyleClass().add("count-cell");
    }

    @Override
    protected void updateItem(Number count, boolean empty) {
      super.updateItem(count, empty);
      setText(empty || count == null ? null : texts.count(count.longValue()));
    }
  }
}
