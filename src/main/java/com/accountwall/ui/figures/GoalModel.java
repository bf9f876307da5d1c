package com.accountwall.ui.figures;

import com.accountwall.day.Pace;
import java.time.Instant;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleLongProperty;

/**
 * The daily goal: how far today's widgets ({@link TodayModel}) have come towards it, where they are
 * on pace to end ({@link Pace}: today's widgets / time since the day start × the length from the
 * day start to where the pace runs to, {@link com.accountwall.day.WallDay#endOf}), and whether it
 * is reached. A goal of 0 is no goal. Follows the day as its frames come ({@link #onFrame}).
 * Confined to the JavaFX thread.
 */
public final class GoalModel {
  private final TodayModel today;
  private final LongProperty goal = new SimpleLongProperty(this, "goal");
  private final ReadOnlyBooleanWrapper set = new ReadOnlyBooleanWrapper(this, "set");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
  private final ReadOnlyBooleanWrapper reached = new ReadOnlyBooleanWrapper(this, "reached");
  private final ReadOnlyLongWrapper pace = new ReadOnlyLongWrapper(this, "pace");
  private final ReadOnlyObjectWrapper<Instant> paceEnd =
      new ReadOnlyObjectWrapper<>(this, "paceEnd");

  public GoalModel(TodayModel today) {
    this.today = today;
    goal.addListener(observable -> update());
    today.widgetsTodayProperty().addListener(observable -> update());
    today.dayStartProperty().addListener(observable -> update());
    update();
  }

  /** Widgets to sell today; 0 for no goal. */
  public LongProperty goalProperty() {
    return goal;
  }

  /** Whether there is a goal. */
  public ReadOnlyBooleanProperty setProperty() {
    return set.getReadOnlyProperty();
  }

  /** Today's widgets as a fraction of the goal, from 0 to 1; 0 without a goal. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** Whether today's widgets have reached the goal. */
  public ReadOnlyBooleanProperty reachedProperty() {
    return reached.getReadOnlyProperty();
  }

  /** Today's widgets projected to {@link #paceEndProperty()}, by {@link Pace}'s rule. */
  public ReadOnlyLongProperty paceProperty() {
    return pace.getReadOnlyProperty();
  }

  /** Where the pace runs to: today's end, or the configured end of the day. */
  public ReadOnlyObjectProperty<Instant> paceEndProperty() {
    return paceEnd.getReadOnlyProperty();
  }

  /** Moves the pace on to the frame's time, as its day goes by. */
  public void onFrame() {
    update();
  }

  private void update() {
    long target = goal.get();
    long widgets = today.widgetsTodayProperty().get();
    Instant start = today.dayStartProperty().get();
    Instant end = today.day().endOf(start);
    Instant instant = today.nowProperty().get();
    set.set(target > 0);
    progress.set(target > 0 ? Math.min(1.0, (double) widgets / target) : 0);
    reached.set(target > 0 && widgets >= target);
    paceEnd.set(end);
    pace.set(Pace.projected(widgets, start, instant.isBefore(start) ? start : instant, end));
  }
}
