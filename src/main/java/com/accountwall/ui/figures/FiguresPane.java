package com.accountwall.ui.figures;

import com.accountwall.ui.text.Texts;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableNumberValue;
import javafx.css.PseudoClass;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The figures on top of the wall, as {@link KpiTile}s: over a {@link FiguresModel}, live accounts,
 * widgets sold with the change against an hour ago, orders per minute with a {@link Sparkline} of
 * the last hour, and the newest account; over a {@link TodayModel}, widgets today with today's
 * orders and yesterday by this time (or, for one team, since when its orders count); over a {@link
 * GoalModel}, the daily goal with a bar and the pace, marked {@code :reached} once reached and
 * hidden while there is no goal, always the whole floor's; over {@link TeamTotals}, the widgets per
 * team ({@link TeamsTile}), shown once an account has a team; all of it in the wall's language
 * ({@link Texts}). Confined to the JavaFX thread.
 */
public final class FiguresPane extends HBox {
  private static final PseudoClass UP = PseudoClass.getPseudoClass("up");
  private static final PseudoClass DOWN = PseudoClass.getPseudoClass("down");
  private static final PseudoClass REACHED = PseudoClass.getPseudoClass("reached");

  private final FiguresModel model;
  private final TodayModel today;
  private final GoalModel goal;
  private final ReadOnlyObjectProperty<TodayModel> shownToday;
  private final Texts texts;

  /**
   * @param today the whole floor's today, which the goal counts
   * @param shownToday the today of what is shown: {@code today}, or one team's
   * @param team the team shown, null for all teams: the goal's tile then says it is the floor's
   */
  public FiguresPane(
      FiguresModel model,
      TodayModel today,
      GoalModel goal,
      ReadOnlyObjectProperty<TodayModel> shownToday,
      TeamTotals teams,
      ReadOnlyStringProperty team,
      Texts texts) {
    this.model = model;
    this.today = today;
    this.goal = goal;
    this.shownToday = shownToday;
    this.texts = texts;
    getStyleClass().add("kpis");
    KpiTile live = tile("liveAccountsTile", "figures.liveAccounts");
    KpiTile sold = tile("widgetsSoldTile", "figures.widgetsSold");
    KpiTile rate = tile("ordersPerMinuteTile", "figures.ordersPerMinute");
    KpiTile newest = tile("newestTile", "figures.newest");
    newest.getStyleClass().add("newest");
    Sparkline sparkline = new Sparkline();
    rate.setGraphic(sparkline);
    KpiTile todayTile = tile("todayTile", "figures.today");
    KpiTile goalTile = tile("goalTile", "figures.goal");
    goalTile.getStyleClass().add("goal");
    TeamsTile teamsTile = new TeamsTile(teams, texts);
    HBox.setHgrow(teamsTile, Priority.ALWAYS);
    // As the Team column: a wall whose accounts have no teams has no tile of "No team" and its sum.
    teamsTile.visibleProperty().bind(Bindings.isNotEmpty(teams.getTeamsSeen()));
    teamsTile.managedProperty().bind(teamsTile.visibleProperty());
    getChildren().addAll(todayTile, goalTile, live, sold, teamsTile, rate, newest);
    bindToday(todayTile);
    shownToday.addListener(observable -> bindToday(todayTile));
    bindGoal(goalTile);
    goalTile
        .captionProperty()
        .bind(
            Bindings.createStringBinding(
                () -> texts.text(team.get() == null ? "figures.goal" : "figures.goalWholeFloor"),
                team));
    todayTile.detailProperty().addListener(observable -> showTrend(todayTile));

    live.valueProperty().bind(count(model.shownLiveAccountsProperty()));
    live.detailProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    texts.text(
                        "figures.liveAccountsDetail",
                        texts.duration(model.lifetimeProperty().get())),
                model.lifetimeProperty()));
    sold.valueProperty().bind(count(model.shownWidgetsSoldProperty()));
    sold.detailProperty()
        .bind(
            Bindings.createStringBinding(
                this::change, model.widgetsSoldChangeProperty(), model.fullHourProperty()));
    sold.detailLabel().getStyleClass().add("trend");
    model
        .widgetsSoldChangeProperty()
        .addListener(
            (observable, before, change) -> {
              sold.detailLabel().pseudoClassStateChanged(UP, change.longValue() > 0);
              sold.detailLabel().pseudoClassStateChanged(DOWN, change.longValue() < 0);
            });
    rate.valueProperty().bind(count(model.shownOrdersPerMinuteProperty()));
    rate.detailProperty().set(texts.text("figures.ordersPerMinuteDetail"));
    sparkline.valuesProperty().bind(model.minuteHistoryProperty());
    newest.valueProperty().set("\u2014");
    // The name may arrive from the directory after the account, so follow the row's name.
    model
        .newestProperty()
        .addListener(
            (observable, before, row) -> {
              if (row == null) {
                newest.valueProperty().unbind();
                newest.valueProperty().set("\u2014");
              } else {
                newest.valueProperty().bind(row.nameProperty());
              }
            });
    newest
        .detailProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.newestProperty().get() == null
                        ? texts.text("figures.newestNone")
                        : texts.text(
                            "figures.newestId",
                            Long.toString(model.newestProperty().get().getAccountId())),
                model.newestProperty()));
  }

  /** Binds the today tile to the today shown now. */
  private void bindToday(KpiTile tile) {
    TodayModel shown = shownToday.get();
    tile.valueProperty().bind(count(shown.widgetsTodayProperty()));
    tile.detailProperty()
        .bind(
            Bindings.createStringBinding(
                () -> todayDetail(shown),
                shown.ordersTodayProperty(),
                shown.widgetsTodayProperty(),
                shown.widgetsYesterdayProperty(),
                shown.dayStartProperty()));
    if (!tile.detailLabel().getStyleClass().contains("trend")) {
      tile.detailLabel().getStyleClass().add("trend");
    }
    showTrend(tile);
  }

  /** Marks the today tile up or down against yesterday by now, when that is known. */
  private void showTrend(KpiTile tile) {
    TodayModel shown = shownToday.get();
    long change =
        shown.countedFrom() != null
            ? 0
            : shown.widgetsTodayProperty().get() - shown.widgetsYesterdayProperty().get();
    tile.detailLabel().pseudoClassStateChanged(UP, change > 0);
    tile.detailLabel().pseudoClassStateChanged(DOWN, change < 0);
  }

  /**
   * "1,234 orders · yesterday by now 1,100 ▲ 12 %": arrow and words, so it reads without telling
   * colours apart; no percentage against a yesterday with none. Counted from a time of today (one
   * team's): "1,234 orders since 14:02".
   */
  private String todayDetail(TodayModel shown) {
    long orders = shown.ordersTodayProperty().get();
    long widgets = shown.widgetsTodayProperty().get();
    long yesterday = shown.widgetsYesterdayProperty().get();
    String text = texts.text("figures.todayOrders", orders, texts.count(orders));
    Instant from = shown.countedFrom();
    if (from != null) {
      return texts.text("figures.todaySince", text, texts.time(from, shown.day().zone()));
    }
    text = texts.text("figures.todayYesterday", text, texts.count(yesterday));
    if (yesterday == 0) {
      return text;
    }
    long percent = Math.round((widgets - yesterday) * 100.0 / yesterday);
    String arrow = percent > 0 ? " \u25b2 " : percent < 0 ? " \u25bc " : " \u25b6 ";
    return text + arrow + texts.count(Math.abs(percent)) + " %";
  }

  private void bindGoal(KpiTile tile) {
    ProgressBar bar = new ProgressBar();
    bar.getStyleClass().add("goal-bar");
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty().bind(goal.progressProperty());
    tile.getChildren().add(2, bar);
    tile.visibleProperty().bind(goal.setProperty());
    tile.managedProperty().bind(goal.setProperty());
    // The share is what reads from across the room; the counts are the detail, as the widgets
    // today have a tile of their own.
    tile.valueProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    goal.setProperty().get()
                        ? texts.text(
                            "figures.goalShare",
                            Long.toString(
                                today.widgetsTodayProperty().get()
                                    * 100
                                    / goal.goalProperty().get()))
                        : "",
                today.widgetsTodayProperty(),
                goal.goalProperty(),
                goal.setProperty()));
    tile.detailProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    texts.text(
                            "figures.goalValue",
                            texts.count(today.widgetsTodayProperty().get()),
                            texts.count(goal.goalProperty().get()))
                        + " \u00b7 "
                        + goalDetail(),
                today.widgetsTodayProperty(),
                goal.goalProperty(),
                goal.reachedProperty(),
                goal.paceProperty(),
                goal.paceEndProperty()));
    goal.reachedProperty()
        .addListener(
            (observable, before, reached) -> tile.pseudoClassStateChanged(REACHED, reached));
    tile.pseudoClassStateChanged(REACHED, goal.reachedProperty().get());
  }

  /** "on pace for 12,400 by 18:00", or "✓ goal reached". */
  private String goalDetail() {
    if (goal.reachedProperty().get()) {
      return texts.text("figures.goalReached");
    }
    return texts.text(
        "figures.goalPace",
        texts.count(goal.paceProperty().get()),
        texts.time(goal.paceEndProperty().get(), today.day().zone()));
  }

  /** "▲ 1,234 vs an hour ago": arrow and words, so it reads without telling colours apart. */
  private String change() {
    long change = model.widgetsSoldChangeProperty().get();
    String arrow = change > 0 ? "\u25b2 " : change < 0 ? "\u25bc " : "\u25b6 ";
    return texts.text(
        model.fullHourProperty().get() ? "figures.changeInAnHour" : "figures.changeSinceStart",
        arrow + texts.count(Math.abs(change)));
  }

  private KpiTile tile(String id, String captionKey) {
    KpiTile tile = new KpiTile();
    tile.setId(id);
    tile.setCaption(texts.text(captionKey));
    HBox.setHgrow(tile, Priority.ALWAYS);
    return tile;
  }

  private StringBinding count(ObservableNumberValue value) {
    return Bindings.createStringBinding(() -> texts.count(value.longValue()), value);
  }
}
