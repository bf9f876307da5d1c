package com.accountwall.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.accountwall.Await;
import com.accountwall.core.AccountListener;
import com.accountwall.core.AccountProfile;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.MutableClock;
import com.accountwall.core.Order;
import com.accountwall.journal.AccountChains;
import com.accountwall.journal.HistoryStep;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the embedded journal promises on any database it is given: keys answered alike, also after a
 * restart; a reused key refused; keys forgotten after a day; the order/end race; expired rows
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
    open(ahead, HistoryWriter.MAX_BACKLOG);
  }

  void open(AccountListener ahead, int maxBacklog) throws SQLException {
    supervisor = AccountSupervisor.builder().clock(clock).build();
    if (ahead != null) {
      supervisor.addListener(ahead); // heard before the journal's own listener
    }
    database = AccountDatabase.open(url);
    journal = EmbeddedJournal.open(supervisor, database, clock, Duration.ofDays(7), maxBacklog);
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

    assertEquals(
        new Receipt(1, 5, 2, START.plus(AccountSupervisor.DEFAULT_LIFETIME), false), first);
    assertEquals(first.asRepeat(), repeat);
    assertEquals(3, supervisor.details(5).orElseThrow().widgetsOrdered());
  }

  @Test
  void aRepeatAfterARestartIsRecognisedFromTheDatabase() throws Exception {
    open();
    Receipt first =
        journal.orderOnce(key("batch-1", "B"), List.of(new Order(1, 1), new Order(2, 4)));
    close();

    open();
    assertEquals(
        first.asRepeat(),
        journal.orderOnce(key("batch-1", "B"), List.of(new Order(1, 1), new Order(2, 4))));
    assertEquals(4, supervisor.details(2).orElseThrow().widgetsOrdered());
  }

  @Test
  void theSameKeyWithAnotherRequestIsRefusedAndAppliesNothing() throws Exception {
    open();
    journal.orderOnce(key("k", "A"), List.of(new Order(5, 2)));

    assertThrows(
        IdempotencyKeyReusedException.class,
        () -> journal.orderOnce(key("k", "other"), List.of(new Order(6, 1))));
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

  @Test
  void aStartChangesNothingOnDisk() throws Exception {
    open();
    journal.order(3, 1);
    close();
    clock.advance(AccountSupervisor.DEFAULT_LIFETIME.plusSeconds(1));
    long rows = historyRows();

    open();
    assertFalse(supervisor.exists(3), "its deadline passed while the wall was down");
    assertEquals(rows, historyRows(), "but its orders stay in the history");
    assertEquals(1, storedWidgets(3));
  }

  /**
   * What a kill -9 leaves: rows committed after the last checkpoint. The next checkpoint must carry
   * them.
   */
  @Test
  void rowsACrashLeftAfterTheCheckpointAreKeptByTheNextOne() throws Exception {
    open();
    journal.order(1, 2);
    close();
    try (Connection connection = DriverManager.getConnection(url);
        Statement sql = connection.createStatement()) {
      sql.executeUpdate(
          "INSERT INTO order_history (seq, account_id, quantity, ordered_at) VALUES (2, 1, 3, "
              + clock.millis()
              + ")");
    }

    open();
    assertEquals(
        5,
        supervisor.details(1).orElseThrow().widgetsOrdered(),
        "the checkpoint and the row after it");
    journal.order(2, 1);
    close(); // a checkpoint up to the last row

    open();
    assertEquals(5, supervisor.details(1).orElseThrow().widgetsOrdered());
    assertEquals(1, supervisor.details(2).orElseThrow().widgetsOrdered());
  }

  @Test
  void aShorterLifetimeTakesAccountsOffAndALongerOneBringsThemBackWithTheirCounts()
      throws Exception {
    open();
    journal.order(1, 2);
    clock.advance(Duration.ofMinutes(30));
    journal.order(1, 3);
    journal.order(2, 1);
    clock.advance(Duration.ofHours(2));
    journal.order(2, 4);
    journal.order(3, 5);
    clock.advance(Duration.ofMinutes(10));

    changeLifetime(Duration.ofMinutes(5));
    assertEquals(List.of(), supervisor.accounts(), "nothing ordered in the last 5 min");
    changeLifetime(Duration.ofHours(1));
    assertEquals(
        Map.of(2L, 4L, 3L, 5L),
        widgets(),
        "account 2's first order is more than an hour before its second");
    changeLifetime(Duration.ofHours(24));
    assertEquals(
        Map.of(1L, 5L, 2L, 5L, 3L, 5L), widgets(), "every order back, as the history has them");
    assertEquals(
        widgets(), replayed(Duration.ofHours(24)), "as cluster mode's rule gives the same orders");
  }

  @Test
  void aRunOfOrdersManyLifetimesLongIsReadBackToItsStart() throws Exception {
    open();
    for (int i = 0; i < 12; i++) {
      journal.order(7, 1); // every 50 min for ten hours: one run under a lifetime of an hour
      if (i % 3 == 0) {
        journal.order(8, 2); // every 150 min: a run of its own each time
      }
      clock.advance(Duration.ofMinutes(50));
    }
    journal.order(8, 5);
    journal.order(9, 1);
    journal.end(9);
    journal.order(9, 3);

    changeLifetime(Duration.ofHours(1));
    assertEquals(Map.of(7L, 12L, 8L, 5L, 9L, 3L), widgets(), "account 7 from its first order");
    assertEquals(widgets(), replayed(Duration.ofHours(1)), "as cluster mode's rule has them");
    changeLifetime(Duration.ofHours(24));
    assertEquals(Map.of(7L, 12L, 8L, 13L, 9L, 3L), widgets());
    assertEquals(widgets(), replayed(Duration.ofHours(24)));
  }

  @Test
  void namesAreReadManyAtATimeWhetherTheIdsLieCloseOrFarApart() throws Exception {
    open();
    try (Connection connection = DriverManager.getConnection(url);
        Statement sql = connection.createStatement()) {
      sql.executeUpdate(
          "INSERT INTO accounts (account_id, name, attribute) VALUES"
              + " (2, 'Two', 'a'), (3, 'Three', ''), (5, 'Five', ''), (9000000, 'Far', 'b')");
    }
    long[] close = LongStream.rangeClosed(1, 600).toArray();
    close[1] = 601; // 2 is named but not asked for: a read of the range must not hand it out

    Map<Long, AccountProfile> closeNames = database.directory().lookupAll(close);
    Map<Long, AccountProfile> spread =
        database.directory().lookupAll(new long[] {9_000_000, 2, 4_000_000});

    assertEquals(
        Map.of(3L, new AccountProfile("Three", ""), 5L, new AccountProfile("Five", "")),
        closeNames);
    assertEquals(
        Map.of(2L, new AccountProfile("Two", "a"), 9_000_000L, new AccountProfile("Far", "b")),
        spread);
    assertEquals(Optional.empty(), database.directory().lookup(4));
  }

  @Test
  void theFiguresComeFromTheHistoryAndSurviveARestart() throws Exception {
    open();
    journal.orderAll(List.of(new Order(1, 2), new Order(2, 3)));
    clock.advance(Duration.ofMinutes(2));
    journal.order(1, 4);
    Instant from = START.minus(Duration.ofMinutes(1));
    List<HistoryStep> before =
        journal.history(from, from.plus(Duration.ofMinutes(5)), Duration.ofMinutes(1));
    close();

    open();
    assertEquals(
        before, journal.history(from, from.plus(Duration.ofMinutes(5)), Duration.ofMinutes(1)));
    assertEquals(List.of(0L, 2L, 0L, 1L, 0L), before.stream().map(HistoryStep::orders).toList());
    assertEquals(List.of(0L, 5L, 0L, 4L, 0L), before.stream().map(HistoryStep::widgets).toList());
    assertEquals(
        List.of(new HistoryStep(from, 3, 9)),
        journal.history(from, from.plus(Duration.ofMinutes(5)), Duration.ofMinutes(5)),
        "steps of five minutes");
  }

  @Test
  void oneAccountsHistoryHoldsItsOrdersOnlyAndNoEnding() throws Exception {
    open();
    journal.orderAll(List.of(new Order(1, 2), new Order(2, 3)));
    clock.advance(Duration.ofMinutes(1));
    journal.end(1);
    journal.order(1, 4); // a new account of the same id
    clock.advance(Duration.ofMinutes(2));
    journal.order(1, 1); // at the range's end: not in it
    Instant to = START.plus(Duration.ofMinutes(3));

    List<HistoryStep> minutes = journal.accountHistory(1, START, to, Duration.ofMinutes(1));

    assertEquals(List.of(1L, 1L, 0L), minutes.stream().map(HistoryStep::orders).toList());
    assertEquals(List.of(2L, 4L, 0L), minutes.stream().map(HistoryStep::widgets).toList());
    assertEquals(
        List.of(new HistoryStep(START, 1, 3)),
        journal.accountHistory(2, START, to, Duration.ofMinutes(3)),
        "steps of three minutes, for the other account");
  }

  @Test
  void retentionDeletesOnlyWhatIsOlder() throws Exception {
    open();
    journal.order(1, 1);
    clock.advance(Duration.ofDays(1));
    journal.order(2, 1);
    clock.advance(
        Duration.ofDays(6).plusHours(12)); // account 1's order is now 7.5 days old, account 2's 6.5
    journal.order(3, 1); // the commit after which the checkpoint and a step of retention run
    journal.order(4, 1);

    assertEquals(List.of(2L, 3L, 4L), historyAccounts());
    assertEquals(
        0,
        journal
            .history(START, START.plus(Duration.ofMinutes(1)), Duration.ofMinutes(1))
            .get(0)
            .orders());
  }

  /** Changes the lifetime and waits until the wall shows the history under it. */
  private void changeLifetime(Duration lifetime) throws InterruptedException {
    journal.changeLifetime(lifetime);
    awaitTrue(
        () -> journal.reprojection().isEmpty() && supervisor.lifetime().equals(lifetime),
        "the wall shows the history under " + lifetime);
  }

  /** The live accounts' widgets by id. */
  private Map<Long, Long> widgets() {
    Map<Long, Long> widgets = new TreeMap<>();
    supervisor.accounts().forEach(account -> widgets.put(account.id(), account.widgetsOrdered()));
    return widgets;
  }

  /**
   * The live accounts' widgets as cluster mode's rule computes them from this history's rows under
   * {@code lifetime}.
   */
  private Map<Long, Long> replayed(Duration lifetime) throws SQLException {
    AccountChains chains = new AccountChains(lifetime.toMillis());
    try (Connection connection = DriverManager.getConnection(url);
        Statement sql = connection.createStatement();
        ResultSet rows =
            sql.executeQuery(
                "SELECT account_id, quantity, ordered_at FROM order_history ORDER BY seq")) {
      while (rows.next()) {
        if (rows.getLong(2) == 0) {
          chains.end(0, rows.getLong(1), rows.getLong(3));
        } else {
          chains.order(0, rows.getLong(1), rows.getLong(2), rows.getLong(3));
        }
      }
    }
    Map<Long, Long> widgets = new TreeMap<>();
    chains.forEachLive(clock.millis(), (id, count, last) -> widgets.put(id, count));
    return widgets;
  }

  @Test
  void aBatchOfManyAccountsIsStoredRowByRowAndCheckpointedWhole() throws Exception {
    open();
    // More rows than one statement inserts, and a remainder: both ways of appending.
    List<Order> batch = new ArrayList<>();
    for (long id = 1; id <= 600; id++) {
      batch.add(new Order(id, id % 5 + 1));
    }
    assertEquals(600, journal.orderAll(batch));
    assertEquals(LongStream.rangeClosed(1, 600).boxed().toList(), historyAccounts());
    assertEquals(4, storedWidgets(3));
    assertEquals(1, storedWidgets(600));

    close(); // a checkpoint of 600 new accounts: statements of many, and a remainder
    open();
    assertEquals(600, supervisor.count());
    for (Order order : batch) {
      assertEquals(
          order.quantity(), supervisor.details(order.accountId()).orElseThrow().widgetsOrdered());
    }

    assertEquals(600, journal.orderAll(batch));
    close(); // a checkpoint that updates the same 600 accounts
    open();
    assertEquals(600, supervisor.count());
    for (Order order : batch) {
      assertEquals(
          2 * order.quantity(),
          supervisor.details(order.accountId()).orElseThrow().widgetsOrdered());
    }
  }

  @Test
  void aCheckpointCutShortBetweenItsPiecesCountsEveryRowOnce() throws Exception {
    open();
    journal.orderAll(List.of(new Order(1, 5), new Order(2, 3)));
    close(); // a whole checkpoint, at row 2
    long at = clock.millis();
    try (AccountDatabase cutShort = AccountDatabase.open(url)) {
      cutShort.append(
          List.of(new HistoryRow(3, 1, 1, at), new HistoryRow(4, 3, 4, at)),
          List.of(),
          List.of(),
          Long.MIN_VALUE);
      // The first piece of the next checkpoint, account 1 as of row 4; the wall died before the
      // rest.
      cutShort.writeCheckpoint(List.of(AccountChange.live(1, 6, at)), false, 4, null, at);
      assertEquals(2, cutShort.checkpoint().upToSeq());
    }

    open();
    assertEquals(6, supervisor.details(1).orElseThrow().widgetsOrdered(), "row 3 counted once");
    assertEquals(3, supervisor.details(2).orElseThrow().widgetsOrdered());
    assertEquals(4, supervisor.details(3).orElseThrow().widgetsOrdered());

    journal.orderAll(List.of(new Order(1, 2)));
    close();
    open();
    assertEquals(8, supervisor.details(1).orElseThrow().widgetsOrdered());
    assertEquals(4, supervisor.details(3).orElseThrow().widgetsOrdered());
  }

  private long historyRows() throws SQLException {
    return historyAccounts().size();
  }

  private List<Long> historyAccounts() throws SQLException {
    List<Long> accounts = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url);
        Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery("SELECT account_id FROM order_history ORDER BY seq")) {
      while (rows.next()) {
        accounts.add(rows.getLong(1));
      }
    }
    return accounts;
  }

  /**
   * The account's widgets in the history since its last ending, read on a connection of the test's
   * own; -1 if it has no row since.
   */
  long storedWidgets(long accountId) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement sql = connection.createStatement();
        ResultSet rows =
            sql.executeQuery(
                "SELECT quantity FROM order_history WHERE account_id = "
                    + accountId
                    + " ORDER BY seq")) {
      long widgets = -1;
      while (rows.next()) {
        widgets = rows.getLong(1) == 0 ? -1 : Math.max(widgets, 0) + rows.getLong(1);
      }
      return widgets;
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
