package com.accountwall.ui.table;

import com.accountwall.ui.text.Durations;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;

/**
 * Shows how long until an account falls off, as {@code H:MM:SS} or {@code M:SS} beside a {@link
 * TimeLeftBar} of the part of the lifetime left, counting down with the wall's clock. Only the
 * cells on screen listen to the clock, so a tick costs the same for ten rows as for a hundred
 * thousand.
 */
final class TimeLeftCell extends TableCell<AccountRow, Instant> {
  private final ObservableValue<Instant> now;
  private final ObservableValue<Duration> lifetime;
  private final TimeLeftBar bar = new TimeLeftBar();
  private final InvalidationListener tick = observable -> show();

  /**
   * @param lifetime the lifetime in force, read at each tick as it may change
   */
  TimeLeftCell(ObservableValue<Instant> now, ObservableValue<Duration> lifetime) {
    this.now = now;
    this.lifetime = lifetime;
    now.addListener(new WeakInvalidationListener(tick));
    getStyleClass().add("time-left-cell");
    setContentDisplay(ContentDisplay.RIGHT);
  }

  @Override
  protected void updateItem(Instant expiresAt, boolean empty) {
    super.updateItem(expiresAt, empty);
    show();
  }

  private void show() {
    Instant expiresAt = getItem();
    if (isEmpty() || expiresAt == null) {
      setText(null);
      setGraphic(null);
      return;
    }
    Duration left = Duration.between(now.getValue(), expiresAt);
    setText(Durations.countdown(left));
    bar.setFraction((double) left.toMillis() / lifetime.getValue().toMillis());
    setGraphic(bar);
  }
}
