package com.accountwall.ui;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;

/**
 * Shows how long until an account falls off, as {@code H:MM:SS} or {@code M:SS}, counting down
 * with the wall's clock. Only the cells on screen listen to the clock, so a tick costs the same
 * for ten rows as for a hundred thousand.
 */
final class TimeLeftCell extends TableCell<AccountRow, Instant> {
  private final ObservableValue<Instant> now;
  private final InvalidationListener tick = observable -> show();

  TimeLeftCell(ObservableValue<Instant> now) {
    this.now = now;
    now.addListener(new WeakInvalidationListener(tick));
    getStyleClass().add("time-left-cell");
  }

  @Override
  protected void updateItem(Instant expiresAt, boolean empty) {
    super.updateItem(expiresAt, empty);
    show();
  }

  private void show() {
    Instant expiresAt = getItem();
    setText(isEmpty() || expiresAt == null ? null : Durations.countdown(Duration.between(now.getValue(), expiresAt)));
  }
}
