package com.accountwall.ui.details;

import com.accountwall.core.AccountDetails;
import com.accountwall.ui.figures.Sparkline;
import com.accountwall.ui.text.Durations;
import com.accountwall.ui.text.Texts;
import java.time.Duration;
import java.time.Instant;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The layer over the wall that shows its {@link DetailsModel}'s card while it is open: a dimmed
 * wall, and on it a card with the account's id, name and team in large type, its widgets in this
 * lifetime, first and last order, time left with the time its deadline falls, and a {@link
 * Sparkline} of its widgets per hour over the last day. Every text the card says is written here,
 * in the wall's language ({@link Texts}).
 *
 * <p>It closes on Esc, a click beside the card or its close button; any mouse movement or key on it
 * counts as {@linkplain DetailsModel#touched() interaction}. It takes the mouse only while open.
 * Styled by {@code details.css}, in the theme's colours: its stylesheets are the wall's, which the
 * caller keeps them in step with. Confined to the JavaFX thread.
 */
public final class DetailsCard extends StackPane {
  private static final PseudoClass ENDED = PseudoClass.getPseudoClass("ended");

  private final DetailsModel model;
  private final Texts texts;
  private final Label id = label("detailsId", "details-id");
  private final Label name = label("detailsName", "details-name");
  private final Label team = label("detailsTeam", "details-team");
  private final Label widgets = value("detailsWidgets");
  private final Label firstOrder = value("detailsFirstOrder");
  private final Label lastOrder = value("detailsLastOrder");
  private final Label timeLeft = value("detailsTimeLeft");
  private final Label deadline = value("detailsDeadline");
  private final Label historyNote = label("detailsHistoryNote", "details-note");
  private final Sparkline sparkline = new Sparkline();

  public DetailsCard(DetailsModel model, Texts texts) {
    this.model = model;
    this.texts = texts;
    setId("detailsLayer");
    getStyleClass().add("details-layer");
    Button close = new Button("\u2715");
    close.setId("detailsClose");
    close.getStyleClass().add("details-close");
    close.setFocusTraversable(false);
    close.setOnAction(event -> model.close());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox top = new HBox(id, gap, close);
    top.setAlignment(Pos.CENTER_LEFT);

    GridPane figures = new GridPane();
    figures.getStyleClass().add("details-figures");
    // Neither a caption nor a figure is cut short: the card is wide enough for both.
    ColumnConstraints whole = new ColumnConstraints();
    whole.setMinWidth(USE_PREF_SIZE);
    figures.getColumnConstraints().setAll(whole, whole);
    row(figures, 0, "details.widgets", widgets);
    row(figures, 1, "details.firstOrder", firstOrder);
    row(figures, 2, "details.lastOrder", lastOrder);
    row(figures, 3, "details.timeLeft", timeLeft);
    row(figures, 4, "details.ends", deadline);

    sparkline.setId("detailsSparkline");
    sparkline.getStyleClass().add("details-sparkline");
    sparkline.valuesProperty().bind(model.hourlyWidgetsProperty());
    Label sparklineTitle = caption(texts.text("details.perHour", texts.count(DetailsModel.HOURS)));

    VBox card = new VBox(top, name, team, figures, sparkline, sparklineTitle, historyNote);
    card.setId("detailsCard");
    card.getStyleClass().add("details-card");
    card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    card.setFillWidth(true);
    // Clicks on the card stay on it; one beside it, on the dimmed wall, closes it.
    card.addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
    card.addEventFilter(MouseEvent.ANY, event -> model.touched());
    setOnMouseClicked(event -> model.close());
    getChildren().add(card);

    visibleProperty().bind(model.openProperty());
    mouseTransparentProperty().bind(model.openProperty().not());
    model.detailsProperty().addListener(observable -> showAccount());
    model.lastOrderProperty().addListener(observable -> showTimes());
    model.firstOrderProperty().addListener(observable -> showTimes());
    model.nowProperty().addListener(observable -> showTimes());
    model.endedProperty().addListener(observable -> showTimes());
    model.historyProperty().addListener(observable -> showHistory());
    sceneProperty()
        .addListener(
            (observable, before, scene) -> {
              if (scene != null) {
                install(scene);
              }
            });
  }

  /**
   * Esc closes the card, and any key while it shows counts as interaction: a filter on the scene,
   * since the focus stays in the table under the card.
   */
  private void install(Scene scene) {
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        key -> {
          if (!model.openProperty().get()) {
            return;
          }
          if (key.getCode() == KeyCode.ESCAPE) {
            model.close();
            key.consume();
          } else {
            model.touched();
          }
        });
  }

  private void showAccount() {
    AccountDetails account = model.detailsProperty().get();
    if (account == null) {
      return; // closed: the card keeps its last texts while hidden
    }
    id.setText(texts.text("details.account", Long.toString(account.accountId())));
    name.setText(account.name());
    team.setText(
        account.attribute().isEmpty()
            ? texts.text("details.noTeam")
            : texts.text("details.team", account.attribute()));
    widgets.setText(texts.count(account.widgetsOrdered()));
    showTimes();
  }

  private void showTimes() {
    AccountDetails account = model.detailsProperty().get();
    Instant now = model.nowProperty().get();
    if (account == null) {
      return;
    }
    Instant last = model.lastOrderProperty().get();
    lastOrder.setText(texts.timeOfDay(last, now, model.zone()));
    DetailsModel.FirstOrder first = model.firstOrderProperty().get();
    firstOrder.setText(
        first == null
            ? "\u2014"
            : texts.text(
                first.exact() ? "details.at" : "details.before",
                texts.timeOfDay(first.at(), now, model.zone())));
    boolean over = model.endedProperty().get();
    timeLeft.setText(
        over
            ? texts.text("details.ended")
            : Durations.countdown(Duration.between(now, account.expiresAt())));
    deadline.setText(texts.timeOfDay(account.expiresAt(), now, model.zone()));
    timeLeft.pseudoClassStateChanged(ENDED, over);
  }

  private void showHistory() {
    DetailsModel.History state = model.historyProperty().get();
    historyNote.setText(
        state == DetailsModel.History.LOADING
            ? texts.text("details.historyLoading")
            : state == DetailsModel.History.UNAVAILABLE
                ? texts.text("details.historyUnavailable")
                : "");
    historyNote.setVisible(!historyNote.getText().isEmpty());
    historyNote.setManaged(historyNote.isVisible());
  }

  private void row(GridPane grid, int index, String captionKey, Label value) {
    grid.addRow(index, caption(texts.text(captionKey)), value);
  }

  private static Label caption(String text) {
    Label caption = label(null, "details-caption");
    caption.setText(text);
    return caption;
  }

  private static Label value(String id) {
    return label(id, "details-value");
  }

  private static Label label(String id, String styleClass) {
    Label label = new Label();
    label.setId(id);
    label.getStyleClass().add(styleClass);
    return label;
  }
}
