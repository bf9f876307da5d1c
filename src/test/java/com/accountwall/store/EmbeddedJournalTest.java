package com.accountwall.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.accountwall.core.Order;
import com.accountwall.journal.JournalUnavailableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embedded journal on a real SQLite file: the {@linkplain EmbeddedJournalContract contract},
 * and a database another program locks (SQLite's {@code BEGIN EXCLUSIVE}).
 */
class EmbeddedJournalTest extends EmbeddedJournalContract {
  EmbeddedJournalTest() {
    super(TestDatabase.SQLITE);
  }

  @Test
  void aLockedDatabaseFailsWaitingCallersWithTheCauseRefusesNewOrdersAndHealsByItself()
      throws Exception {
    open();
    journal.order(7, 1);
    try (Connection other = DriverManager.getConnection(url);
        Statement sql = other.createStatement()) {
      sql.execute("BEGIN EXCLUSIVE");

      JournalUnavailableException waiting =
          assertThrows(JournalUnavailableException.class, () -> journal.order(7, 1));
      assertTrue(waiting.mayTakeEffect(), "it is retried, so it may still be stored");
      assertTrue(waiting.getMessage().contains("locked by another program"), waiting.getMessage());
      assertTrue(
          journal.problems().get(0).startsWith("orders cannot be stored: the database is locked"),
          journal.problems().toString());
      JournalUnavailableException refused =
          assertThrows(JournalUnavailableException.class, () -> journal.order(8, 1));
      assertFalse(refused.mayTakeEffect());
      assertFalse(supervisor.exists(8), "refused before it was applied");

      sql.execute("COMMIT");
    }
    awaitTrue(() -> journal.problems().isEmpty(), "the journal heals once the lock is gone");
    journal.order(8, 1);
    assertEquals(2, storedWidgets(7), "the order answered 503 was kept and stored by a retry");
    assertEquals(1, storedWidgets(8));
  }

  @Test
  void pastItsBoundTheBacklogRefusesOrdersBeforeApplyingThem() throws Exception {
    open(null, 3);
    try (Connection other = DriverManager.getConnection(url);
        Statement sql = other.createStatement()) {
      sql.execute("BEGIN EXCLUSIVE");
      // As the generator orders: a tick's worth at once, without waiting.
      journal.place(
          List.of(
              new Order(1, 1),
              new Order(2, 1),
              new Order(3, 1),
              new Order(4, 1),
              new Order(5, 1),
              new Order(6, 1)));
      awaitTrue(
          () -> journal.problems().contains("orders are refused: 6 orders wait to be stored"),
          "the backlog is reported");

      JournalUnavailableException refused =
          assertThrows(JournalUnavailableException.class, () -> journal.order(7, 1));
      assertTrue(refused.getMessage().contains("orders wait to be stored"), refused.getMessage());
      assertFalse(refused.mayTakeEffect());
      assertFalse(supervisor.exists(7));
      sql.execute("COMMIT");
    }
    awaitTrue(() -> journal.problems().isEmpty(), "the backlog drains once the database answers");
    journal.order(7, 1);
  }
}
