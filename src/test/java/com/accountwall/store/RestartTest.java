package com.accountwall.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.Await;
import com.accountwall.Wall;
import com.accountwall.WallOptions;
import com.accountwall.core.AccountDetails;
import com.accountwall.core.MutableClock;
import com.accountwall.core.Order;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A wall stopped and started again on the same data folder and database, with time moved by hand:
 * on the embedded SQLite file, and on PostgreSQL given with {@code --db-url}.
 */
class RestartTest {
  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
  private static final Duration LIFETIME = Duration.ofHours(1);

  @TempDir Path data;
  private final MutableClock clock = new MutableClock(START);
  private String url;

  /** Keeps the walls of this test on a new database of {@code kind}. */
  private void useNew(TestDatabase kind) throws Exception {
    url = kind.newUrl(data);
  }

  private Wall start() throws Exception {
    return start(LIFETIME);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRestoredAccountKeepsItsCountAndEndsAtItsOriginalDeadline(TestDatabase kind)
      throws Exception {
    useNew(kind);
    try (Wall wall = start()) {
      wall.orders().order(10, 3);
      clock.advance(Duration.ofMinutes(20));
      wall.orders().order(10, 1);
      wall.orders().order(20, 5);
    }
    clock.advance(Duration.ofMinutes(30));

    try (Wall wall = start()) {
      AccountDetails restored = wall.supervisor().details(10).orElseThrow();
      assertEquals(4, restored.widgetsOrdered());
      assertEquals(
          START.plus(Duration.ofMinutes(20)).plus(LIFETIME),
          restored.expiresAt(),
          "not reset by the restart");
      assertEquals(5, wall.supervisor().details(20).orElseThrow().widgetsOrdered());

      clock.advance(LIFETIME.minusMinutes(30).minusMillis(1));
      wall.supervisor().expireDue();
      assertTrue(wall.supervisor().exists(10));
      clock.advance(Duration.ofMillis(1));
      wall.supervisor().expireDue();
      assertFalse(wall.supervisor().exists(10));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void accountsWhoseDeadlinePassedWhileDownAreGone(TestDatabase kind) throws Exception {
    useNew(kind);
    try (Wall wall = start()) {
      wall.orders().order(1, 1);
      clock.advance(Duration.ofMinutes(40));
      wall.orders().order(2, 1);
    }
    clock.advance(Duration.ofMinutes(30));

    try (Wall wall = start()) {
      assertFalse(wall.supervisor().exists(1), "its deadline passed while the wall was down");
      assertTrue(wall.supervisor().exists(2));
    }
    clock.advance(Duration.ofHours(2));
    try (Wall wall = start()) {
      assertEquals(0, wall.supervisor().count());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anEndedAccountStaysEndedAfterARestart(TestDatabase kind) throws Exception {
    useNew(kind);
    try (Wall wall = start()) {
      wall.orders().order(3, 2);
      assertTrue(wall.orders().end(3));
    }
    try (Wall wall = start()) {
      assertFalse(wall.supervisor().exists(3));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void generatedOrdersAreKeptToo(TestDatabase kind) throws Exception {
    useNew(kind);
    try (Wall wall = start()) {
      wall.orders()
          .place(List.of(new Order(4, 7))); // as the generator places a tick's orders, not waiting
    }
    try (Wall wall = start()) {
      assertEquals(7, wall.supervisor().details(4).orElseThrow().widgetsOrdered());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aRestartWithAShorterLifetimeDestroysNothing(TestDatabase kind) throws Exception {
    useNew(kind);
    try (Wall wall = start(LIFETIME)) {
      wall.orders().order(1, 3);
      clock.advance(Duration.ofMinutes(10));
      wall.orders().order(2, 2);
      clock.advance(Duration.ofMinutes(10));
      wall.orders().order(2, 1);
    }
    clock.advance(Duration.ofSeconds(3));
    try (Wall wall = start(Duration.ofSeconds(2))) {
      awaitShown(wall, Duration.ofSeconds(2));
      assertEquals(0, wall.supervisor().count(), "no order in the last 2 s");
    }
    try (Wall wall = start(LIFETIME)) {
      awaitShown(wall, LIFETIME);
      assertEquals(3, wall.supervisor().details(1).orElseThrow().widgetsOrdered());
      assertEquals(3, wall.supervisor().details(2).orElseThrow().widgetsOrdered());
    }
  }

  private Wall start(Duration lifetime) throws Exception {
    return Wall.start(
        WallOptions.parse(
            "--headless",
            "--port=0",
            "--data=" + data,
            "--token=t",
            "--lifetime=" + lifetime,
            "--db-url=" + url),
        clock);
  }

  /**
   * Waits until the wall shows its history under {@code lifetime}: a start under another lifetime
   * re-projects it.
   */
  private static void awaitShown(Wall wall, Duration lifetime) throws InterruptedException {
    Await.until(
        () ->
            wall.orders().reprojection().isEmpty() && wall.supervisor().lifetime().equals(lifetime),
        Duration.ofSeconds(10),
        () -> "the wall shows its history under " + lifetime);
  }
}
