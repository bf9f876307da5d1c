package com.accountwall.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableNumberValue;
import javafx.css.PseudoClass;

/** Shows {@link WallKpis} in the four tiles on top of the wall. Runs on the JavaFX thread. */
final class KpiBinder {
  private static final PseudoClass UP = PseudoClass.getPseudoClass("up");
  private static final PseudoClass DOWN = PseudoClass.getPseudoClass("down");

  private final WallKpis kpis;
  private final KpiTile live;
  private final KpiTile sold;
  private final KpiTile rate;
  private final KpiTile newest;
  private final Sparkline sparkline;

  KpiBinder(WallKpis kpis, KpiTile live, KpiTile sold, KpiTile rate, KpiTile newest, Sparkline sparkline) {
    this.kpis = kpis;
    this.live = live;
    this.sold = sold;
    this.rate = rate;
    this.newest = newest;
    this.sparkline = sparkline;
  }

  void bind() {
    live.valueProperty().bind(count(kpis.shownLiveAccountsProperty()));
    sold.valueProperty().bind(count(kpis.shownWidgetsSoldProperty()));
    sold.detailProperty().bind(Bindings.createStringBinding(this::change,
        kpis.widgetsSoldChangeProperty(), kpis.fullHourProperty()));
    kpis.widgetsSoldChangeProperty().addListener((observable, before, change) -> {
      sold.detailLabel().pseudoClassStateChanged(UP, change.longValue() > 0);
      sold.detailLabel().pseudoClassStateChanged(DOWN, change.longValue() < 0);
    });
    rate.valueProperty().bind(count(kpis.shownOrdersPerMinuteProperty()));
    rate.detailProperty().set("each minute of the last hour");
    sparkline.valuesProperty().bind(kpis.minuteHistoryProperty());
    newest.valueProperty().set("\u2014");
    // The name may arrive from the directory after the account, so follow the row's name.
    kpis.newestProperty().addListener((observable, before, row) -> newest.valueProperty().bind(row.nameProperty()));
    newest.detailProperty().bind(Bindings.createStringBinding(
        () -> kpis.newestProperty().get() == null ? "none yet" : "id " + kpis.newestProperty().get().getAccountId(),
        kpis.newestProperty()));
  }

  /** "▲ 1,234 vs an hour ago": arrow and words, so it reads without telling colours apart. */
  private String change() {
    long change = kpis.widgetsSoldChangeProperty().get();
    String arrow = change > 0 ? "\u25b2 " : change < 0 ? "\u25bc " : "\u25b6 ";
    return arrow + Counts.format(Math.abs(change)) + (kpis.fullHourProperty().get() ? " vs an hour ago" : " since start");
  }

  private static StringBinding count(ObservableNumberValue value) {
    return Bindings.createStringBinding(() -> Counts.format(value.longValue()), value);
  }
}
