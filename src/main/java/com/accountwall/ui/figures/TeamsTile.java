package com.accountwall.ui.figures;

import com.accountwall.ui.text.Texts;
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

  public TeamsTile(TeamTotals teams, Texts texts) {
    this.texts = texts;
    setId("teamsTile");
    getStyleClass().addAll("kpi-tile", "teams");
    Label caption = new Label(texts.text("teams.title"));
    caption.getStyleClass().add("kpi-caption");
    lines.getStyleClass().add("team-lines");
    ColumnConstraints name = new ColumnConstraints();
    name.setHgrow(Priority.ALWAYS);
    name.setMinWidth(0);
    lines.getColumnConstraints().setAll(name, new ColumnConstraints());
    getChildren().addAll(caption, lines);
    show(teams.standingsProperty().get());
    teams.standingsProperty().addListener((observable, before, now) -> show(now));
  }

  private void show(List<TeamTotals.Standing> standings) {
    lines.getChildren().clear();
    if (standings.isEmpty()) {
      Label none = new Label(texts.text("teams.none"));
      none.getStyleClass().add("kpi-detail");
      lines.add(none, 0, 0, 2, 1);
      return;
    }
    for (int i = 0; i < standings.size(); i++) {
      TeamTotals.Standing standing = standings.get(i);
      Label team = new Label(label(standing));
      team.getStyleClass().addAll("team-line", "team-name");
      team.setMinWidth(0);
      Label widgets = new Label(texts.count(standing.widgets()));
      widgets.getStyleClass().addAll("team-line", "team-widgets");
      if (standing.others() || standing.team().equals(TeamTotals.NO_TEAM)) {
        team.getStyleClass().add("team-rest");
        widgets.getStyleClass().add("team-rest");
      }
      lines.addRow(i, team, widgets);
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
