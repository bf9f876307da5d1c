package com.accountwall.ui.kiosk;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * Turns pages of rows on a wall nobody scrolls: while {@link #runningProperty() running}, it moves
 * to the next page every {@link #secondsProperty() seconds}, back to the first after the last;
 * while {@link #pausedProperty() paused} it stays on its page, which shows for whole seconds again
 * once paging goes on. Driven by the frame clock, so a test turns pages by passing frame times.
 * Confined to the JavaFX thread.
 */
public final class Pager {
  private final IntegerProperty rowCount = new SimpleIntegerProperty(this, "rowCount");
  private final IntegerProperty rowsPerPage = new SimpleIntegerProperty(this, "rowsPerPage", 1);
  private final IntegerProperty seconds = new SimpleIntegerProperty(this, "seconds", 10);
  private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
  private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
  private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(this, "page");
  private final IntegerBinding pageCount =
      Bindings.createIntegerBinding(
          () ->
              Math.max(
                  1, (rowCount.get() + rowsPerPage.get() - 1) / Math.max(1, rowsPerPage.get())),
          rowCount,
          rowsPerPage);
  private long pageShownAt = Long.MIN_VALUE;

  public Pager() {
    pageCount.addListener(
        observable -> {
          if (page.get() >= pageCount.get()) {
            page.set(0);
          }
        });
    running.addListener(
        (observable, was, now) -> {
          page.set(0);
          pageShownAt = Long.MIN_VALUE;
        });
  }

  /** How many rows there are to page through. */
  public IntegerProperty rowCountProperty() {
    return rowCount;
  }

  /** How many rows one page shows, at least 1. */
  public IntegerProperty rowsPerPageProperty() {
    return rowsPerPage;
  }

  /** How long each page shows. */
  public IntegerProperty secondsProperty() {
    return seconds;
  }

  public BooleanProperty runningProperty() {
    return running;
  }

  /** Whether it stays on the page it shows, running or not. */
  public BooleanProperty pausedProperty() {
    return paused;
  }

  /** The page shown, from 0. */
  public ReadOnlyIntegerProperty pageProperty() {
    return page.getReadOnlyProperty();
  }

  public IntegerBinding pageCountProperty() {
    return pageCount;
  }

  private long pageNanos() {
    return seconds.get() * 1_000_000_000L;
  }

  /** The first row of the page shown. */
  public int firstRow() {
    return page.get() * Math.max(1, rowsPerPage.get());
  }

  /** Turns the page when its time is up; call once per frame. */
  public void onFrame(long frameNanos) {
    if (!running.get()) {
      return;
    }
    if (paused.get()) {
      pageShownAt = Long.MIN_VALUE; // the page shows whole seconds again from the first frame after
      return;
    }
    if (pageShownAt == Long.MIN_VALUE) {
      pageShownAt = frameNanos;
    } else if (frameNanos - pageShownAt >= pageNanos()) {
      page.set(page.get() + 1 >= pageCount.get() ? 0 : page.get() + 1);
      // On the beat rather than at this frame, so pages do not drift later; after a stall, restart
      // it.
      pageShownAt =
          frameNanos - pageShownAt >= 2 * pageNanos() ? frameNanos : pageShownAt + pageNanos();
    }
  }
}
