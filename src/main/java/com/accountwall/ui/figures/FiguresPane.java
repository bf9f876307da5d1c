package com.accountwall.ui.figures;

import com.accountwall.ui.text.Counts;
import com.accountwall.ui.text.Durations;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableNumberValue;
import javafx.css.PseudoClass;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The figures on top of the wall, as four {@link KpiTile}s over a {@link FiguresModel}: live
 * accounts, widgets sold with the change against an hour ago, orders per minute with a {@link
 * Sparkline} of the last hour, and the newest account. Confined to the JavaFX thread.
 */
public final class FiguresPane extends HBox {
  private static final PseudoClass UP = PseudoClass.getPseudoClass("up");
  private static final PseudoClass DOWN = PseudoClass.getPseudoClass("down");

  private final FiguresModel model;

  public FiguresPane(FiguresModel model) {
    this.model = model;
    getStyleClass().add("kpis");
    KpiTile live = tile("liveAccountsTile", "Live accounts");
    KpiTile sold = tile("widgetsSoldTile", "Widgets sold");
    KpiTile rate = tile("ordersPerMinuteTile", "Orders per minute");
    KpiTile newest = tile("newestTile", "Newest account");
    newest.getStyleClass().add("newest");
    Sparkline sparkline = new Sparkline();
    rate.setGraphic(sparkline);
    getChildren().addAll(live, sold, rate, newest);

    live.valueProperty().bind(count(model.shownLiveAccountsProperty()));
    live.detailProperty()
        .bind(
            Bindings.createStringBinding(
                () -> "ordered in the last " + Durations.describe(model.lifetimeProperty().get()),
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
    rate.detailProperty().set("each minute of the last hour");
    sparkline.valuesProperty().bind(model.minuteHistoryProperty());
    newest.valueProperty().set("\u2014");
    // The name may arrive from the directory after the account, so follow the row's name.
    model
        .newestProperty()
        .addListener((observable, before, row) -> newest.valueProperty().bind(row.nameProperty()));
    newest
        .detailProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.newestProperty().get() == null
                        ? "none yet"
                        : "id " + model.newestProperty().get().getAccountId(),
                model.newestProperty()));
  }

  /** "▲ 1,234 vs an hour ago": arrow and words, so it reads without telling colours apart. */
  private String change() {
    long change = model.widgetsSoldChangeProperty().get();
    String arrow = change > 0 ? "\u25b2 " : change < 0 ? "\u25bc " : "\u25b6 ";
    return arrow
        + Counts.format(Math.abs(change))
        + (model.fullHourProperty().get() ? " vs an hour ago" : " since start");
  }

  private static KpiTile tile(String id, String caption) {
    KpiTile tile = new KpiTile();
    tile.setId(id);
    tile.setCaption(caption);
    HBox.setHgrow(tile, Priority.ALWAYS);
    return tile;
  }

  private static StringBinding count(ObservableNumberValue value) {
    return Bindings.createStringBinding(() -> Counts.format(value.longValue()), value);
  }
}
