package com.accountwall.ui.sleep;

import com.accountwall.settings.Schedule;
import com.accountwall.ui.text.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Whether the window sleeps, by a {@link Schedule} in the wall's time zone, and the time of day it
 * shows while it does ("06:42"). It decides once per frame ({@link #onFrame}) by the wall's clock,
 * so it wakes by itself with the first frame in the schedule, and a test moves a clock and drives
 * frames instead of waiting. It asks the schedule only when the clock reaches the next change the
 * schedule named (or goes back), and writes the time only when the minute changes, so a frame costs
 * a comparison.
 *
 * <p>Confined to the JavaFX thread.
 */
public final class SleepModel {
  private Schedule schedule;
  private final ZoneId zone;
  private final Texts texts;
  private Instant checkedAt;
  private Instant nextChange;
  private long shownMinute = Long.MIN_VALUE;

  private final ReadOnlyBooleanWrapper asleep = new ReadOnlyBooleanWrapper(this, "asleep");
  private final ReadOnlyStringWrapper clock = new ReadOnlyStringWrapper(this, "clock", "");

  /**
   * @param schedule when the window is awake; {@link Schedule#ALWAYS} never sleeps
   * @param zone the wall's time zone, whose clocks the schedule and the shown time follow
   * @param texts how the time is written
   */
  public SleepModel(Schedule schedule, ZoneId zone, Texts texts) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  /** When the window is awake. */
  public Schedule schedule() {
    return schedule;
  }

  /** Keeps {@code schedule} from the next frame on, which decides afresh whether to sleep. */
  public void setSchedule(Schedule schedule) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    checkedAt = null;
  }

  /** Decides, at {@code now} by the wall's clock, whether the window sleeps and what time it is. */
  public void onFrame(Instant now) {
    if (checkedAt == null || now.isBefore(checkedAt) || !now.isBefore(nextChange)) {
      asleep.set(!schedule.isOn(now, zone));
      nextChange = schedule.nextChange(now, zone).orElse(Instant.MAX);
      checkedAt = now;
    }
    if (asleep.get()) {
      long minute = Math.floorDiv(now.getEpochSecond(), 60);
      if (minute != shownMinute) {
        shownMinute = minute;
        clock.set(texts.time(now, zone));
      }
    }
  }

  /** Whether the window sleeps: outside the schedule. */
  public ReadOnlyBooleanProperty asleepProperty() {
    return asleep.getReadOnlyProperty();
  }

  /** The time of day to the minute, "06:42", kept current while the window sleeps. */
  public ReadOnlyStringProperty clockProperty() {
    return clock.getReadOnlyProperty();
  }
}
