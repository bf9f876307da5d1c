package com.accountwall.ui.leaderboard;

import com.accountwall.ui.leaderboard.Leaderboard.Standing;
import com.accountwall.ui.text.Texts;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The {@link Leaderboard} as a titled list: rank, name, widgets sold and a mark for a recent move
 * ({@code ▲2}, {@code ▼1}, {@code new}), coloured by the {@code :up}, {@code :down} and {@code
 * :new} pseudo-classes, in the wall's language. Follows its model's standings on the JavaFX thread.
 */
public final class LeaderboardView extends VBox {
  private static final PseudoClass UP = PseudoClass.getPseudoClass("up");
  private static final PseudoClass DOWN = PseudoClass.getPseudoClass("down");
  private static final PseudoClass NEW = PseudoClass.getPseudoClass("new");

  private final GridPane places = new GridPane();

  /**
   * True whenever the board is empty: on a new wall, and on one whose accounts have all ended after
   * orders (where "No orders yet" would not be).
   */
  private final Label empty = new Label();

  private final Texts texts;
  private final List<Line> lines = new ArrayList<>();

  public LeaderboardView(Leaderboard model, Texts texts) {
    this.texts = texts;
    empty.setText(texts.text("leaderboard.empty"));
    setId("leaderboard");
    getStyleClass().add("leaderboard");
    Label title = new Label(texts.text("leaderboard.title"));
    title.getStyleClass().add("leaderboard-title");
    places.getStyleClass().add("leaderboard-places");
    empty.getStyleClass().add("leaderboard-empty");
    getChildren().addAll(title, places, empty);
    ObservableList<Standing> standings = model.getStandings();
    standings.addListener((ListChangeListener<Standing>) change -> show(standings));
    show(standings);
  }

  /**
   * Shows {@code standings} in the lines there are, adding or removing lines only when their number
   * changes: under load the board changes every frame, and new labels would each be styled anew.
   */
  private void show(List<Standing> standings) {
    while (lines.size() > standings.size()) {
      places.getChildren().removeAll(lines.remove(lines.size() - 1).labels());
    }
    while (lines.size() < standings.size()) {
      Line line = new Line();
      places.addRow(lines.size(), line.labels());
      lines.add(line);
    }
    for (int i = 0; i < standings.size(); i++) {
      lines.get(i).show(standings.get(i));
    }
    empty.setVisible(standings.isEmpty());
    empty.setManaged(standings.isEmpty());
  }

  /** One place of the board: its rank, name, widgets and move. */
  private final class Line {
    private final Label rank = label("leaderboard-rank");
    private final Label name = label("leaderboard-name");
    private final Label widgets = label("leaderboard-count");
    private final Label move = label("leaderboard-move");

    Line() {
      move.getStyleClass().add("trend");
      GridPane.setHgrow(name, Priority.ALWAYS);
      name.setMaxWidth(Double.MAX_VALUE);
      name.setMinWidth(0); // a long name is cut short rather than pushing the counts off
    }

    Label[] labels() {
      return new Label[] {rank, name, widgets, move};
    }

    void show(Standing standing) {
      rank.setText(texts.count(standing.rank()));
      name.setText(standing.name());
      widgets.setText(texts.count(standing.widgets()));
      move.setText(moveText(standing));
      move.pseudoClassStateChanged(UP, standing.trend() == Leaderboard.Trend.UP);
      move.pseudoClassStateChanged(DOWN, standing.trend() == Leaderboard.Trend.DOWN);
      move.pseudoClassStateChanged(NEW, standing.trend() == Leaderboard.Trend.NEW);
    }
  }

  private String moveText(Standing standing) {
    return switch (standing.trend()) {
      case UP -> "\u25b2" + texts.count(standing.places());
      case DOWN -> "\u25bc" + texts.count(standing.places());
      case NEW -> texts.text("leaderboard.new");
      case SAME -> "";
    };
  }

  private static Label label(String styleClass) {
    Label label = new Label();
    label.getStyleClass().add(styleClass);
    label.setMinWidth(USE_PREF_SIZE);
    return label;
  }
}
