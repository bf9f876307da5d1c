package com.accountwall.ui.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calm rows: a routine order flashes its row at most once every {@link RowAnimations#FLASH_GAP}, a
 * big order always and differently, and the table does not re-sort while its rows are held (the
 * pointer over it, a row selected) until {@link TableModel#RESUME_AFTER} after they are let go.
 * Frames are driven by hand.
 */
class RowMotionTest {
  private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
  private static final long FRAME = 16_666_667L;

  private final AccountSupervisor supervisor =
      AccountSupervisor.builder().clock(new MutableClock(NOW)).build();
  private final TableModel table = new TableModel(NOW, Duration.ofHours(24), List.of());
  private long frameNanos = 1_000_000_000L;
  private int sorts;

  RowMotionTest() {
    table.setOnBatchApplied(() -> sorts++);
  }

  @Test
  void aRoutineOrderFlashesARowAtMostOnceEveryFewSeconds() {
    order(7, 1);
    frames(RowAnimations.ARRIVING);
    order(7, 1);
    AccountRow row = table.getRows().get(0);
    assertTrue(row.bumpedProperty().get(), "its first order after arriving flashes");

    frames(RowAnimations.BUMPED);
    assertFalse(row.bumpedProperty().get(), "the flash ends");
    order(7, 1);
    assertEquals(3, row.getWidgetsSold(), "the count changes at once");
    assertFalse(row.bumpedProperty().get(), "but the row does not flash again so soon");

    frames(RowAnimations.FLASH_GAP.minus(RowAnimations.BUMPED));
    order(7, 1);
    assertTrue(row.bumpedProperty().get(), "a flash gap later it flashes again");
  }

  @Test
  void aBigOrderAlwaysFlashesAndDifferently() {
    table.setBigOrder(100);
    order(7, 1);
    frames(RowAnimations.ARRIVING);
    order(7, 1);
    AccountRow row = table.getRows().get(0);
    frames(RowAnimations.BUMPED);

    order(7, 150);

    assertTrue(row.bigOrderProperty().get(), "within the gap, a big order flashes");
    assertFalse(row.bumpedProperty().get(), "as a big order, not as a routine one");
    frames(RowAnimations.BUMPED);
    assertTrue(row.bigOrderProperty().get(), "and for longer than a routine flash");
    frames(RowAnimations.BIG_ORDER);
    assertFalse(row.bigOrderProperty().get());
  }

  @Test
  void withoutABigOrderThresholdEveryOrderIsRoutine() {
    order(7, 1);
    frames(RowAnimations.ARRIVING);
    order(7, 1_000_000);
    AccountRow row = table.getRows().get(0);
    assertTrue(row.bumpedProperty().get());
    assertFalse(row.bigOrderProperty().get());
    assertThrows(IllegalArgumentException.class, () -> table.setBigOrder(-1));
  }

  @Test
  void heldRowsStayPutUntilAFewSecondsAfterTheyAreLetGo() {
    order(1, 1);
    order(2, 1);
    frame();
    int sortsBefore = sorts;

    table.rowsHeldProperty().set(true);
    order(2, 5);
    frames(Duration.ofSeconds(30));
    assertEquals(sortsBefore, sorts, "no re-sort while the rows are held");
    assertEquals(6, table.getRows().get(1).getWidgetsSold(), "though counts change in place");

    table.rowsHeldProperty().set(false);
    frames(TableModel.RESUME_AFTER.minusMillis(100));
    assertEquals(sortsBefore, sorts, "not at once when let go");
    frames(Duration.ofMillis(200));
    assertEquals(sortsBefore + 1, sorts, "but once " + TableModel.RESUME_AFTER + " later");

    order(1, 10);
    frame();
    assertEquals(sortsBefore + 2, sorts, "and then after each batch again");
  }

  @Test
  void aHoldLetGoAndTakenAgainBeforeTheNextFrameStillHolds() {
    order(1, 1);
    frame();
    int sortsBefore = sorts;
    table.rowsHeldProperty().set(true);
    table.rowsHeldProperty().set(false);
    table.rowsHeldProperty().set(true);
    order(1, 1);
    frames(Duration.ofSeconds(10));
    assertEquals(sortsBefore, sorts);
  }

  private void order(long id, long widgets) {
    table.apply(List.of(supervisor.order(id, widgets)), List.of(), frameNanos);
    table.runBatchHook(frameNanos);
  }

  private void frame() {
    frameNanos += FRAME;
    table.advance(frameNanos, NOW);
    table.runBatchHook(frameNanos);
  }

  private void frames(Duration length) {
    long end = frameNanos + length.toNanos();
    while (frameNanos < end) {
      frame();
    }
  }
}
