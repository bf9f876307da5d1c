package com.accountwall.ui.table;

import com.accountwall.ui.text.Durations;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Shows how long until an account falls off, as {@code H:MM:SS} or {@code M:SS} beside a {@link
 * TimeLeftBar} of the part of the lifetime left, counting down with the wall's clock. Only the
 * cells on screen listen to the clock, so a tick costs the same for ten rows as for a hundred
 * thousand. When the column is narrow the bar shrinks, down to nothing, and the time stays whole:
 * the time is what is read, the bar only repeats it.
 */
final class TimeLeftCell extends TableCell<AccountRow, Instant> {
  private final ObservableValue<Instant> now;
  private final ObservableValue<Duration> lifetime;
  private final Label time = new Label();
  private final TimeLeftBar bar = new TimeLeftBar();
  private final HBox shown = new HBox(time, bar);
  private final InvalidationListener tick = observable -> show();

  /**
   * @param lifetime the lifetime in force, read at each tick as it may change
   */
  TimeLeftCell(ObservableValue<Instant> now, ObservableValue<Duration> lifetime) {
    this.now = now;
    this.lifetime = lifetime;
    now.addListener(new WeakInvalidationListener(tick));
    getStyleClass().add("time-left-cell");
    setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    time.setMinWidth(Region.USE_PREF_SIZE);
    HBox.setHgrow(bar, Priority.ALWAYS);
    shown.getStyleClass().add("time-left");
  }

  @Override
  protected void updateItem(Instant expiresAt, boolean empty) {
    super.updateItem(expiresAt, empty);
    show();
  }

  private void show() {
    Instant expiresAt = getItem();
    if (isEmpty() || expiresAt == null) {
      setGraphic(null);
      return;
    }
    Duration left = Duration.between(now.getValue(), expiresAt);
    time.setText(Durations.countdown(left));
    bar.setFraction((double) left.toMillis() / lifetime.getValue().toMillis());
    setGraphic(shown);
  }
}
