package com.accountwall.ui.figures;

import com.accountwall.ui.text.Texts;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The per-team totals tile: a caption and one line per {@link TeamTotals.Standing}, the team's name
 * and its live accounts' widgets, the teams with the most first, then "Other teams" and "No team",
 * in the wall's language. Its lines are made again only when the standings change. Styled as a
 * {@code kpi-tile}, its lines through {@code team-line}, {@code team-name} and {@code
 * team-widgets}. Confined to the JavaFX thread.
 */
public final class TeamsTile extends VBox {
  private final GridPane lines = new GridPane();
  private final Texts texts;
  private final Label none;
  private final List<Line> shown = new ArrayList<>();

  public TeamsTile(TeamTotals teams, Texts texts) {
    this.texts = texts;
    none = new Label(texts.text("teams.none"));
    setId("teamsTile");
    getStyleClass().addAll("kpi-tile", "teams");
    Label caption = new Label(texts.text("teams.title"));
    caption.getStyleClass().add("kpi-caption");
    lines.getStyleClass().add("team-lines");
    ColumnConstraints name = new ColumnConstraints();
    name.setHgrow(Priority.ALWAYS);
    name.setMinWidth(0);
    lines.getColumnConstraints().setAll(name, new ColumnConstraints());
    none.getStyleClass().add("kpi-detail");
    getChildren().addAll(caption, none, lines);
    show(teams.standingsProperty().get());
    teams.standingsProperty().addListener((observable, before, now) -> show(now));
  }

  /**
   * Shows {@code standings} in the lines there are, adding or removing lines only when their number
   * changes: under load the widgets change every frame, and new labels would each be styled anew.
   */
  private void show(List<TeamTotals.Standing> standings) {
    none.setVisible(standings.isEmpty());
    none.setManaged(standings.isEmpty());
    while (shown.size() > standings.size()) {
      lines.getChildren().removeAll(shown.remove(shown.size() - 1).labels());
    }
    while (shown.size() < standings.size()) {
      Line line = new Line();
      lines.addRow(shown.size(), line.labels());
      shown.add(line);
    }
    for (int i = 0; i < standings.size(); i++) {
      shown.get(i).show(standings.get(i));
    }
  }

  /** One team's line: its name and its widgets. */
  private final class Line {
    private final Label team = new Label();
    private final Label widgets = new Label();

    Line() {
      team.getStyleClass().addAll("team-line", "team-name");
      team.setMinWidth(0);
      widgets.getStyleClass().addAll("team-line", "team-widgets");
    }

    Label[] labels() {
      return new Label[] {team, widgets};
    }

    void show(TeamTotals.Standing standing) {
      team.setText(label(standing));
      widgets.setText(texts.count(standing.widgets()));
      boolean rest = standing.others() || standing.team().equals(TeamTotals.NO_TEAM);
      for (Label label : labels()) {
        if (!rest) {
          label.getStyleClass().remove("team-rest");
        } else if (!label.getStyleClass().contains("team-rest")) {
          label.getStyleClass().add("team-rest");
        }
      }
    }
  }

  private String label(TeamTotals.Standing standing) {
    if (standing.others()) {
      return texts.text("teams.others");
    }
    return standing.team().equals(TeamTotals.NO_TEAM)
        ? texts.text("teams.noTeam")
        : standing.team();
  }
}
