package com.accountwall.ui.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.journal.HistoryStep;
import com.accountwall.journal.HistorySteps;
import com.accountwall.journal.JournalUnavailableException;
import com.accountwall.ui.details.DetailsModel.FirstOrder;
import com.accountwall.ui.details.DetailsModel.History;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * The details card's model alone, on the test's thread as the JavaFX thread: the history answering
 * late, for a card since turned to another account, not at all, or short of the account's first
 * order; the sparkline's hours moving on with the clock; and the card kept shut while suppressed.
 */
class DetailsModelTest {
  private static final Instant OPENED = Instant.parse("2026-11-23T09:30:00Z");

  private final MutableClock clock = new MutableClock(OPENED);
  private final AccountSupervisor supervisor = AccountSupervisor.builder().clock(clock).build();
  private final Queue<Runnable> reads = new ArrayDeque<>();
  private List<HistoryStep> history =
      List.of(new HistoryStep(Instant.parse("2026-11-23T09:10:00Z"), 1, 5));
  private final DetailsModel model =
      new DetailsModel(
          supervisor::whereis,
          (id, from, to, step) -> HistorySteps.sum(from, to, step, history),
          reads::add,
          ZoneOffset.UTC,
          OPENED);

  @Test
  void theCardShowsTheCoreAtOnceAndTheHistoryWhenItAnswers() {
    supervisor.orderAt(1, 5, Instant.parse("2026-11-23T09:10:30Z").toEpochMilli());

    model.open(1);

    assertTrue(model.openProperty().get());
    assertEquals(5, model.detailsProperty().get().widgetsOrdered());
    assertEquals(History.LOADING, model.historyProperty().get());
    assertNull(model.firstOrderProperty().get());
    reads.poll().run();
    assertEquals(History.LOADED, model.historyProperty().get());
    assertEquals(
        new FirstOrder(Instant.parse("2026-11-23T09:10:00Z"), true),
        model.firstOrderProperty().get());
    assertEquals(5, model.hourlyWidgetsProperty().get()[DetailsModel.HOURS - 1]);
  }

  @Test
  void aHistoryShortOfTheCountPutsTheFirstOrderBeforeItsStart() {
    supervisor.orderAt(1, 8, Instant.parse("2026-11-23T09:00:00Z").toEpochMilli()); // 3 unread
    model.open(1);
    reads.poll().run();

    assertEquals(
        new FirstOrder(Instant.parse("2026-11-22T10:00:00Z"), false),
        model.firstOrderProperty().get(),
        "before the history read, which starts 23 hours before the current one");
  }

  @Test
  void aHistoryAskedForAnEarlierOpeningIsDropped() {
    supervisor.order(1, 5);
    supervisor.order(2, 1);
    model.open(1);
    model.open(2);
    reads.poll().run(); // account 1's, late

    assertEquals(2, model.detailsProperty().get().accountId());
    assertEquals(History.LOADING, model.historyProperty().get());
    reads.poll().run();
    assertEquals(History.LOADED, model.historyProperty().get());
  }

  @Test
  void aHistoryThatCannotBeReadLeavesTheSparklineToCountFromTheOpening() {
    DetailsModel unread =
        new DetailsModel(
            supervisor::whereis,
            (id, from, to, step) -> {
              throw new JournalUnavailableException("the database is locked");
            },
            Runnable::run,
            ZoneOffset.UTC,
            OPENED);
    supervisor.order(1, 5);
    unread.open(1);
    assertEquals(History.UNAVAILABLE, unread.historyProperty().get());
    assertNull(unread.firstOrderProperty().get());

    supervisor.order(1, 2);
    unread.onFrame(OPENED);
    assertEquals(2, unread.hourlyWidgetsProperty().get()[DetailsModel.HOURS - 1]);
  }

  @Test
  void theSparklinesHoursMoveOnWithTheClock() {
    Instant beforeTen = Instant.parse("2026-11-23T09:59:50Z");
    clock.advance(Duration.between(OPENED, beforeTen));
    history = List.of(new HistoryStep(Instant.parse("2026-11-23T09:59:00Z"), 1, 5));
    DetailsModel hourly =
        new DetailsModel(
            supervisor::whereis,
            (id, from, to, step) -> HistorySteps.sum(from, to, step, history),
            Runnable::run,
            ZoneOffset.UTC,
            beforeTen);
    supervisor.order(1, 5);
    hourly.open(1);
    assertEquals(5, hourly.hourlyWidgetsProperty().get()[DetailsModel.HOURS - 1]);

    clock.advance(Duration.ofSeconds(15));
    supervisor.order(1, 2); // 10:00:05
    hourly.onFrame(clock.instant());

    long[] hours = hourly.hourlyWidgetsProperty().get();
    assertEquals(5, hours[DetailsModel.HOURS - 2], "09:00, the hour before now");
    assertEquals(2, hours[DetailsModel.HOURS - 1], "10:00, counted as the core announced it");
  }

  @Test
  void whileSuppressedTheCardNeitherOpensNorStaysOpen() {
    supervisor.order(1, 5);
    model.open(1);
    model.suppressedProperty().set(true);
    assertFalse(model.openProperty().get(), "closed as kiosk mode starts");

    model.open(1);
    assertFalse(model.openProperty().get(), "not opened in kiosk mode");
    assertEquals(1, reads.size(), "nothing asked while suppressed, but for the first opening");
  }

  @Test
  void anAccountNoLongerLiveOpensNothing() {
    model.open(99);
    assertFalse(model.openProperty().get());
  }
}
