package com.accountwall.ui.celebrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.accountwall.core.Account;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.ui.celebrate.Celebration.Kind;
import com.accountwall.ui.text.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The queue's bounds, without a window: the goal is never dropped, and the core's inbox holds. */
class CelebrationModelTest {
  private static final Instant DAY = Instant.parse("2026-11-23T00:00:00Z");
  private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");

  private final AccountSupervisor supervisor = AccountSupervisor.builder().build();
  private final CelebrationModel model = new CelebrationModel(100, ZoneOffset.UTC, Texts.ENGLISH);

  @Test
  void aFullQueueNeverDropsTheGoal() {
    order(1, 100);
    model.onFrame(NOON); // the first big order shows
    model.goalReached(DAY, 12_000, NOON);
    for (int id = 2; id < 2 + CelebrationModel.QUEUE_LIMIT; id++) { // one more than may wait
      order(id, 100);
    }
    model.onFrame(NOON);

    assertEquals(Kind.GOAL_REACHED, showNext(NOON.plus(CelebrationModel.SHOWN)).kind());
    assertEquals(1, model.skippedProperty().get(), "the oldest big order went instead");
  }

  @Test
  void bigOrdersBeyondTheInboxBetweenTwoFramesAreCountedNotKept() {
    int orders = CelebrationModel.INBOX_LIMIT + 10;
    for (int id = 1; id <= orders; id++) {
      order(id, 100);
    }
    model.onFrame(NOON);
    assertEquals(
        orders - CelebrationModel.QUEUE_LIMIT,
        model.skippedProperty().get(),
        "five kept, the rest counted");
    // The inbox kept the first 64 (the later ones only counted), the queue their last five.
    assertEquals(
        Account.defaultName(CelebrationModel.INBOX_LIMIT - CelebrationModel.QUEUE_LIMIT + 1),
        model.currentProperty().get().name());
  }

  @Test
  void aClockSteppedBackEndsTheBannerRatherThanKeepingItForHours() {
    order(1, 100);
    model.onFrame(NOON);
    model.onFrame(NOON.minus(Duration.ofHours(1)));
    assertNull(model.currentProperty().get());
  }

  private void order(long id, long quantity) {
    Account account = supervisor.order(id, quantity);
    model.ordered(account, quantity);
  }

  private Celebration showNext(Instant at) {
    model.onFrame(at);
    return model.currentProperty().get();
  }
}
