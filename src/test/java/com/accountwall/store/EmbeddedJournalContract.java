package com.accountwall.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.accountwall.Await;
import com.accountwall.core.Account;
import com.accountwall.core.AccountListener;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.core.Order;
import com.accountwall.journal.IdempotencyKey;
import com.accountwall.journal.IdempotencyKeyReusedException;
import com.accountwall.journal.Receipt;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the embedded journal promises on any database it is given: keys answered alike, also after
 * a restart; a reused key refused; keys forgotten after a day; the order/end race; expired rows
 * deleted only by a commit. Each database's test runs these on a new database of its own.
 */
abstract class EmbeddedJournalContract {
  private static final Instant START = Instant.parse("2026-11-30T09:00:00Z");

  private final TestDatabase kind;
  @TempDir private Path data;
  /** The test's own new database, the same across the restarts within the test. */
  String url;
  private final MutableClock clock = new MutableClock(START);
  AccountSupervisor supervisor;
  private AccountDatabase database;
  EmbeddedJournal journal;

  EmbeddedJournalContract(TestDatabase kind) {
    this.kind = kind;
  }

  @BeforeEach
  void newDatabase() throws Exception {
    url = kind.newUrl(data);
  }

  void open(AccountListener ahead) throws SQLException {
    open(ahead, EmbeddedJournal.MAX_BACKLOG);
  }

  void open(AccountListener ahead, int maxBacklog) throws SQLException {
    supervisor = AccountSupervisor.builder().clock(clock).build();
    if (ahead != null) {
      supervisor.addListener(ahead); // heard before the journal's own listener
    }
    database = AccountDatabase.open(url);
    journal = EmbeddedJournal.restore(supervisor, database, clock, maxBacklog);
  }

  void open() throws SQLException {
    open(null);
  }

  @AfterEach
  void close() throws Exception {
    if (journal != null) {
      journal.close();
      database.close();
      journal = null;
    }
  }

  private static IdempotencyKey key(String value, String request) {
    return new IdempotencyKey(value, "fingerprint of " + request);
  }

  @Test
  void aRepeatIsAnsweredAsTheFirstWasAndAppliesNothing() throws Exception {
    open();
    Receipt first = journal.orderOnce(key("k1", "A"), List.of(new Order(5, 2)));
    journal.order(5, 1);
    Receipt repeat = journal.orderOnce(key("k1", "A"), List.of(new Order(5, 2)));

    assertEquals(new Receipt(1, 5, 2, START.plus(AccountSupervisor.DEFAULT_LIFETIME), false), first);
    assertEquals(first.asRepeat(), repeat);
    assertEquals(3, supervisor.details(5).orElseThrow().widgetsOrdered());
  }

  @Test
  void aRepeatAfterARestartIsRecognisedFromTheDatabase() throws Exception {
    open();
    Receipt first = journal.orderOnce(key("batch-1", "B"), List.of(new Order(1, 1), new Order(2, 4)));
    close();

    open();
    assertEquals(first.asRepeat(), journal.orderOnce(key("batch-1", "B"), List.of(new Order(1, 1), new Order(2, 4))));
    assertEquals(4, supervisor.details(2).orElseThrow().widgetsOrdered());
  }

  @Test
  void theSameKeyWithAnotherRequestIsRefusedAndAppliesNothing() throws Exception {
    open();
    journal.orderOnce(key("k", "A"), List.of(new Order(5, 2)));

    assertThrows(IdempotencyKeyReusedException.class, () -> journal.orderOnce(key("k", "other"), List.of(new Order(6, 1))));
    assertFalse(supervisor.exists(6));
  }

  @Test
  void concurrentRepeatsApplyOnce() throws Exception {
    open();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      for (long round = 1; round <= 50; round++) {
        IdempotencyKey key = key("same-" + round, "A");
        List<Order> order = List.of(new Order(round, 3));
        List<Future<Receipt>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          answers.add(clients.submit(() -> journal.orderOnce(key, order)));
        }
        int firsts = 0;
        for (Future<Receipt> answer : answers) {
          Receipt receipt = answer.get(30, TimeUnit.SECONDS);
          assertEquals(3, receipt.widgetsSold());
          firsts += receipt.repeat() ? 0 : 1;
        }
        assertEquals(1, firsts, "round " + round);
        assertEquals(3, supervisor.details(round).orElseThrow().widgetsOrdered());
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void keysAreForgottenADayAfterTheirRequest() throws Exception {
    open();
    journal.orderOnce(key("old", "A"), List.of(new Order(5, 1)));
    clock.advance(Duration.ofHours(25));
    journal.order(6, 1); // a commit after a day forgets older keys

    assertFalse(journal.orderOnce(key("old", "A"), List.of(new Order(5, 1))).repeat());
  }

  /**
   * The race the issue found: an order's swap lands, then its account ends before the journal hears
   * the order, so the order's own change is dropped as late. The order must not be answered until
   * the end is stored, or a crash would take it back. A listener ahead of the journal's forces that
   * interleaving: it holds the order after its swap until the ending has begun, and holds the
   * ending until the test has seen whether the order was answered.
   */
  @Test
  void anOrderWhoseAccountEndsUnderItIsStoredWhenAnswered() throws Exception {
    CountDownLatch orderSwapped = new CountDownLatch(1);
    CountDownLatch endBegun = new CountDownLatch(1);
    CountDownLatch releaseEnd = new CountDownLatch(1);
    AtomicBoolean armed = new AtomicBoolean();
    open(new AccountListener() {
      @Override
      public void accountChanged(Account account) {
        if (armed.get() && Thread.currentThread().getName().equals("racing-order")) {
          orderSwapped.countDown();
          await(endBegun);
        }
      }

      @Override
      public void accountEnded(Account account) {
        if (armed.get()) {
          endBegun.countDown();
          await(releaseEnd);
        }
      }
    });
    journal.order(5, 3);
    armed.set(true);

    CompletableFuture<Long> storedWhenAnswered = new CompletableFuture<>();
    new Thread(() -> {
      try {
        journal.order(5, 1);
        storedWhenAnswered.complete(storedWidgets(5));
      } catch (Throwable e) {
        storedWhenAnswered.completeExceptionally(e);
      }
    }, "racing-order").start();
    assertTrue(orderSwapped.await(10, TimeUnit.SECONDS));
    CompletableFuture<Boolean> ended = CompletableFuture.supplyAsync(() -> journal.end(5));
    assertTrue(endBegun.await(10, TimeUnit.SECONDS));
    try {
      long stored = storedWhenAnswered.get(500, TimeUnit.MILLISECONDS);
      fail("the order was answered while its account's end was held, with " + stored + " widgets stored");
    } catch (TimeoutException expected) {
      // still waiting for the end it raced, as it must
    }
    releaseEnd.countDown();

    assertTrue(ended.get(10, TimeUnit.SECONDS));
    assertEquals(-1, storedWhenAnswered.get(10, TimeUnit.SECONDS), "the end, which came after the order, is stored");
  }

  @Test
  void expiredRowsAreDeletedOnlyByTheFirstCommitAfterAStart() throws Exception {
    open();
    journal.order(3, 1);
    close();
    clock.advance(AccountSupervisor.DEFAULT_LIFETIME.plusSeconds(1));

    open();
    assertFalse(supervisor.exists(3));
    assertEquals(1, storedWidgets(3), "a start changes nothing on disk by itself");
    journal.order(4, 1);
    assertEquals(-1, storedWidgets(3));
  }

  /** The account's widgets on disk, read on a connection of the test's own; -1 if it has no row. */
  long storedWidgets(long accountId) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery("SELECT widgets_sold FROM live_accounts WHERE account_id = " + accountId)) {
      return row.next() ? row.getLong(1) : -1;
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the forced interleaving stalled");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    Await.until(condition, Duration.ofSeconds(10), () -> what);
  }
}
