package com.accountwall.ui.figures;

import com.accountwall.ui.table.AccountRow;
import com.accountwall.ui.table.RowListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The live accounts and their widgets per team, kept as running totals from the table's events for
 * every row ({@link RowListener}): a row adds its widgets to its team as it arrives, each growth
 * adds the difference, a team learned after the first orders moves the row's widgets from "no team"
 * to it, and an account that ends takes its widgets away. So a frame costs the rows that changed in
 * it, never a pass over all rows; the {@link #standingsProperty() standings} are made again once
 * per frame, and only after a change, from the totals of the teams, which are few.
 *
 * <p>An account without a team counts under {@link #NO_TEAM}, the empty team. Confined to the
 * JavaFX thread.
 */
public final class TeamTotals implements RowListener {
  /** The team of an account the directory gives none, or whose profile has not come yet. */
  public static final String NO_TEAM = "";

  /** How many teams the standings name; the rest are summed as others. */
  public static final int NAMED = 3;

  /**
   * One line of the standings: a team, or the other teams together ({@code team} null), or the
   * accounts without a team ({@code team} {@link #NO_TEAM}).
   */
  public record Standing(String team, int accounts, long widgets) {
    /** Whether it sums the teams not named. */
    public boolean others() {
      return team == null;
    }
  }

  private static final class Total {
    int accounts;
    long widgets;
  }

  private static final Comparator<Map.Entry<String, Total>> MOST_WIDGETS =
      Comparator.comparingLong((Map.Entry<String, Total> team) -> team.getValue().widgets)
          .reversed()
          .thenComparing(Map.Entry::getKey);

  private final Map<String, Total> totals = new HashMap<>();
  private final ObservableList<String> teamsSeen = FXCollections.observableArrayList();
  private final ObservableList<String> teamsSeenReadOnly =
      FXCollections.unmodifiableObservableList(teamsSeen);
  private final ReadOnlyObjectWrapper<List<Standing>> standings =
      new ReadOnlyObjectWrapper<>(this, "standings", List.of());
  private boolean changed;

  /**
   * The {@value #NAMED} teams with the most widgets, most first, then the other teams together and
   * then the accounts without a team, each only if it has a live account; a new list when it
   * changes.
   */
  public ReadOnlyObjectProperty<List<Standing>> standingsProperty() {
    return standings.getReadOnlyProperty();
  }

  /** Every team that had a live account since the window opened, in alphabetical order. */
  public ObservableList<String> getTeamsSeen() {
    return teamsSeenReadOnly;
  }

  /** Live accounts of {@code team} now. */
  public int accounts(String team) {
    Total total = totals.get(team);
    return total == null ? 0 : total.accounts;
  }

  /** Widgets of the live accounts of {@code team} now. */
  public long widgets(String team) {
    Total total = totals.get(team);
    return total == null ? 0 : total.widgets;
  }

  @Override
  public void arrived(AccountRow row, boolean fresh) {
    add(row.getTeam(), 1, row.getWidgetsSold());
  }

  @Override
  public void grew(AccountRow row, long widgetsBefore) {
    add(row.getTeam(), 0, row.getWidgetsSold() - widgetsBefore);
  }

  @Override
  public void teamChanged(AccountRow row, String teamBefore) {
    add(teamBefore, -1, -row.getWidgetsSold());
    add(row.getTeam(), 1, row.getWidgetsSold());
  }

  @Override
  public void ending(AccountRow row) {
    add(row.getTeam(), -1, -row.getWidgetsSold());
  }

  /** Makes the standings again if a total changed since the last frame. */
  public void onFrame() {
    if (!changed) {
      return;
    }
    changed = false;
    List<Map.Entry<String, Total>> teams = new ArrayList<>();
    for (Map.Entry<String, Total> team : totals.entrySet()) {
      if (!team.getKey().equals(NO_TEAM) && team.getValue().accounts > 0) {
        teams.add(team);
      }
    }
    teams.sort(MOST_WIDGETS);
    List<Standing> board = new ArrayList<>(NAMED + 2);
    int otherAccounts = 0;
    long otherWidgets = 0;
    for (int i = 0; i < teams.size(); i++) {
      Total total = teams.get(i).getValue();
      if (i < NAMED) {
        board.add(new Standing(teams.get(i).getKey(), total.accounts, total.widgets));
      } else {
        otherAccounts += total.accounts;
        otherWidgets += total.widgets;
      }
    }
    if (otherAccounts > 0) {
      board.add(new Standing(null, otherAccounts, otherWidgets));
    }
    if (accounts(NO_TEAM) > 0) {
      board.add(new Standing(NO_TEAM, accounts(NO_TEAM), widgets(NO_TEAM)));
    }
    if (!board.equals(standings.get())) {
      standings.set(List.copyOf(board));
    }
  }

  private void add(String team, int accounts, long widgets) {
    Total total = totals.get(team);
    if (total == null) {
      total = new Total();
      totals.put(team, total);
      if (!team.equals(NO_TEAM)) {
        int at = Collections.binarySearch(teamsSeen, team);
        teamsSeen.add(-at - 1, team);
      }
    }
    total.accounts += accounts;
    total.widgets += widgets;
    changed = true;
  }
}
