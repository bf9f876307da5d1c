package com.accountwall.ui.stale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.ui.stale.StaleModel.Cause;
import com.accountwall.ui.text.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the stale banner says and when, by a clock the test names; no window. */
class StaleModelTest {
  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
  private final StaleModel model =
      new StaleModel(Duration.ofMinutes(15), ZoneOffset.UTC, START, Texts.ENGLISH);

  @Test
  void showsOnceStaleAfterHasPassedSinceTheLastOrderAndGoesWithTheNext() {
    model.ordered(START.plusSeconds(120));
    model.onFrame(START.plusSeconds(120).plus(Duration.ofMinutes(15)).minusMillis(1));
    assertFalse(model.shownProperty().get());
    assertEquals(Cause.NONE, model.causeProperty().get());
    assertEquals("", model.textProperty().get());

    model.onFrame(START.plusSeconds(120).plus(Duration.ofMinutes(15)));
    assertTrue(model.shownProperty().get());
    assertEquals(Cause.NO_ORDERS, model.causeProperty().get());
    assertEquals("No orders since 09:02", model.textProperty().get());

    model.ordered(START.plus(Duration.ofMinutes(20)));
    model.onFrame(START.plus(Duration.ofMinutes(20)));
    assertFalse(model.shownProperty().get());
  }

  @Test
  void anEarlierLastOrderThanOneSeenChangesNothing() {
    model.ordered(START.plusSeconds(600));
    model.ordered(START.minusSeconds(3_600)); // an account put back from the history
    model.onFrame(START.plus(Duration.ofMinutes(25)));
    assertEquals("No orders since 09:10", model.textProperty().get());
  }

  @Test
  void aLastOrderOnAnEarlierDayIsSaidWithItsDay() {
    model.ordered(Instant.parse("2026-11-22T18:30:00Z"));
    model.onFrame(START);
    assertEquals("No orders since Sun 22 Nov 18:30", model.textProperty().get());
  }

  @Test
  void saysTimesInTheWallsZone() {
    StaleModel inParis =
        new StaleModel(Duration.ofMinutes(15), ZoneId.of("Europe/Paris"), START, Texts.ENGLISH);
    inParis.ordered(START);
    inParis.onFrame(START.plus(Duration.ofHours(1)));
    assertEquals("No orders since 10:00", inParis.textProperty().get());
  }

  @Test
  void zeroNeverSaysNoOrdersButStillSaysAProblem() {
    StaleModel never = new StaleModel(Duration.ZERO, ZoneOffset.UTC, START, Texts.ENGLISH);
    never.onFrame(START.plus(Duration.ofDays(400)));
    assertFalse(never.shownProperty().get());

    never.problems(List.of("kafka unreachable since 09:00:01"), START);
    never.onFrame(START);
    assertEquals(Cause.PROBLEM, never.causeProperty().get());
    assertEquals("Kafka unreachable since 09:00:01", never.textProperty().get());
  }

  @Test
  void aProblemComesBeforeNoOrdersEachOnALineAndNoOrdersReturnsWhenItGoes() {
    model.onFrame(START.plus(Duration.ofMinutes(20)));
    assertEquals(Cause.NO_ORDERS, model.causeProperty().get());

    model.problems(
        List.of(
            "orders cannot be stored: disk full, since 09:14:05",
            "orders are refused: 100000 orders wait to be stored"),
        START.plus(Duration.ofMinutes(20)));
    model.onFrame(START.plus(Duration.ofMinutes(21)));
    assertEquals(Cause.PROBLEM, model.causeProperty().get());
    assertEquals(
        "Orders cannot be stored: disk full, since 09:14:05\n"
            + "Orders are refused: 100000 orders wait to be stored, since 09:20",
        model.textProperty().get());

    model.problems(List.of(), START.plus(Duration.ofMinutes(22)));
    model.onFrame(START.plus(Duration.ofMinutes(22)));
    assertEquals(Cause.NO_ORDERS, model.causeProperty().get());
    assertEquals("No orders since the wall started at 09:00", model.textProperty().get());
  }

  @Test
  void aNegativeStaleAfterIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new StaleModel(Duration.ofMinutes(-1), ZoneOffset.UTC, START, Texts.ENGLISH));
  }
}
