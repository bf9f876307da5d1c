package com.accountwall.ui.leaderboard;

import com.accountwall.ui.leaderboard.Leaderboard.Standing;
import com.accountwall.ui.text.Texts;
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

  private void show(List<Standing> standings) {
    places.getChildren().clear();
    for (int i = 0; i < standings.size(); i++) {
      Standing standing = standings.get(i);
      Label rank = label(texts.count(standing.rank()), "leaderboard-rank");
      Label name = label(standing.name(), "leaderboard-name");
      Label widgets = label(texts.count(standing.widgets()), "leaderboard-count");
      Label move = label(moveText(standing), "leaderboard-move");
      move.getStyleClass().add("trend");
      move.pseudoClassStateChanged(UP, standing.trend() == Leaderboard.Trend.UP);
      move.pseudoClassStateChanged(DOWN, standing.trend() == Leaderboard.Trend.DOWN);
      move.pseudoClassStateChanged(NEW, standing.trend() == Leaderboard.Trend.NEW);
      GridPane.setHgrow(name, Priority.ALWAYS);
      name.setMaxWidth(Double.MAX_VALUE);
      name.setMinWidth(0); // a long name is cut short rather than pushing the counts off
      places.addRow(i, rank, name, widgets, move);
    }
    empty.setVisible(standings.isEmpty());
    empty.setManaged(standings.isEmpty());
  }

  private String moveText(Standing standing) {
    return switch (standing.trend()) {
      case UP -> "\u25b2" + texts.count(standing.places());
      case DOWN -> "\u25bc" + texts.count(standing.places());
      case NEW -> texts.text("leaderboard.new");
      case SAME -> "";
    };
  }

  private static Label label(String text, String styleClass) {
    Label label = new Label(text);
    label.getStyleClass().add(styleClass);
    label.setMinWidth(USE_PREF_SIZE);
    return label;
  }
}
