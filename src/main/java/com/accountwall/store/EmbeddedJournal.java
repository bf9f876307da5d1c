package com.accountwall.store;

import com.accountwall.core.Account;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.Order;
import com.accountwall.journal.AccountChains;
import com.accountwall.journal.HistoryStep;
import com.accountwall.journal.HistorySteps;
import com.accountwall.journal.IdempotencyKey;
import com.accountwall.journal.IdempotencyKeyReusedException;
import com.accountwall.journal.JournalUnavailableException;
import com.accountwall.journal.OrderJournal;
import com.accountwall.journal.Receipt;
import com.accountwall.journal.Reprojection;
import com.accountwall.journal.WallProjection;
import com.accountwall.settings.WallSettings;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The order history of a single wall, kept in its embedded database (or PostgreSQL through {@code
 * --db-url}): the {@link OrderJournal} every source of orders writes to. Each commit appends what
 * it acknowledges to {@code order_history} ({@link HistoryWriter}); the wall's accounts are the
 * projection of those rows, applied after they are durable. A periodic checkpoint of the live
 * accounts ({@code live_accounts}) lets a start read it and only the rows after it; as it is
 * written in pieces, an account a piece wrote before the wall stopped may count some of those rows
 * already ({@link StoredAccount#asOfSeq}), and the start skips them for it.
 *
 * <p><b>Lifetimes.</b> Nothing is deleted when the lifetime changes: {@link #changeLifetime}
 * re-projects the history kept (the last {@code retention}) in the background and the writer then
 * makes the wall agree with it; a start under another lifetime than the checkpoint's does the same.
 *
 * <p><b>Keys.</b> A keyed request claims its key in memory before it is handed to the writer, so a
 * repeat that arrives meanwhile waits for the first; the writer looks a new key up in the database
 * and keeps it with its receipt in the commit that holds its orders.
 *
 * <p><b>Thread safety:</b> all public methods may be called from any thread. Futures complete on
 * the writer's thread: what depends on them must not block.
 */
public final class EmbeddedJournal implements OrderJournal {
  private static final System.Logger LOG = System.getLogger(EmbeddedJournal.class.getName());

  private final AccountDatabase database;
  private final Clock clock;
  private final Duration retention;
  private final DiskSpace disk;
  private final HistoryWriter writer;

  /**
   * Keyed requests handed to the writer and not yet committed (or refused): a repeat waits for the
   * first.
   */
  private final Map<String, Entry.Orders> keysInFlight;

  private final Object reprojectionLock = new Object();

  @GuardedBy("reprojectionLock")
  private Reprojector reprojector;

  /** The latest lifetime asked for. */
  @GuardedBy("reprojectionLock")
  private Duration lifetime;

  private EmbeddedJournal(
      AccountSupervisor supervisor,
      AccountDatabase database,
      Clock clock,
      Duration retention,
      HistoryWriter writer,
      Map<String, Entry.Orders> keysInFlight) {
    this.database = database;
    this.clock = clock;
    this.retention = retention;
    this.disk = DiskSpace.of(database.file());
    this.lifetime = supervisor.lifetime();
    this.writer = writer;
    this.keysInFlight = keysInFlight;
  }

  /**
   * Puts the live accounts the history gives back into {@code supervisor} (the checkpoint, then the
   * rows after it) and from then on keeps every change. If the checkpoint was taken under another
   * lifetime than the supervisor's, the wall starts from it as a stand-in and the history is
   * re-projected under the new lifetime in the background.
   *
   * @param clock the time orders are stamped with and keys are kept at
   * @param retention how long history is kept; at least the lifetime
   * @throws IllegalArgumentException if the retention is shorter than the lifetime
   */
  public static EmbeddedJournal open(
      AccountSupervisor supervisor, AccountDatabase database, Clock clock, Duration retention)
      throws SQLException {
    return open(supervisor, database, clock, retention, HistoryWriter.MAX_BACKLOG);
  }

  /**
   * Records the journal's meters in {@code registry}: orders per commit and the writer's backlog.
   * Once, from any thread.
   */
  public void bindMeters(MeterRegistry registry) {
    writer.bindMeters(registry);
  }

  /**
   * As {@link #open(AccountSupervisor, AccountDatabase, Clock, Duration)}, refusing orders once
   * {@code maxBacklog} wait.
   */
  static EmbeddedJournal open(
      AccountSupervisor supervisor,
      AccountDatabase database,
      Clock clock,
      Duration retention,
      int maxBacklog)
      throws SQLException {
    requireRetention(retention, supervisor.lifetime());
    long lifetimeMillis = supervisor.lifetime().toMillis();
    Checkpoint checkpoint = database.checkpoint();
    long[] range = database.seqRange();
    boolean exact =
        checkpoint.lifetimeMillis() == 0 || checkpoint.lifetimeMillis() == lifetimeMillis;
    // The checkpoint goes onto the wall alone; the chains take each account from the wall the first
    // time the history touches it (the wall holds exactly the checkpoint until then, as everything
    // after goes through the chains). The rows after it are linked and applied as a commit's are.
    AccountChains chains = new AccountChains(lifetimeMillis);
    long[] largest = {0};
    // Accounts a piece of an unfinished checkpoint wrote count rows after the checkpoint already.
    Map<Long, Long> countedUpTo = new HashMap<>();
    try (AccountSupervisor.Restoring restoring = supervisor.restoring()) {
      database.forEachCheckpointed(
          account -> {
            restoring.restore(account.accountId(), account.widgetsSold(), account.lastOrderAt());
            largest[0] = Math.max(largest[0], account.widgetsSold());
            if (account.asOfSeq() > checkpoint.upToSeq()) {
              countedUpTo.put(account.accountId(), account.asOfSeq());
            }
          });
    }
    WallProjection projection = new WallProjection(supervisor);
    chains.seedFrom(
        id -> {
          Account live = projection.live(id);
          return live == null
              ? null
              : new AccountChains.Link(
                  true, live.widgetsOrdered(), live.lastOrderAt().toEpochMilli());
        },
        largest[0]);
    long[] tail = {0};
    Set<Long> changedSinceCheckpoint = new HashSet<>();
    database.forEachRow(
        checkpoint.upToSeq(),
        Long.MAX_VALUE,
        row -> {
          changedSinceCheckpoint.add(
              row.accountId()); // or the next checkpoint would pass over them
          tail[0]++;
          if (row.seq() <= countedUpTo.getOrDefault(row.accountId(), 0L)) {
            return;
          }
          if (row.isEnd()) {
            chains.end(0, row.accountId(), row.atMillis());
            projection.end(row.accountId());
          } else {
            AccountChains.Link link =
                chains.order(0, row.accountId(), row.quantity(), row.atMillis());
            projection.order(row.accountId(), row.quantity(), row.atMillis(), link);
          }
        });
    int restored = supervisor.count();
    long lastSeq = Math.max(range[1], checkpoint.upToSeq());
    long firstSeq = range[0] == 0 ? lastSeq + 1 : range[0];
    LOG.log(
        Level.INFO,
        "restored {0} live accounts from {1}: the checkpoint and {2} history rows after it",
        restored,
        database,
        tail[0]);
    Map<String, Entry.Orders> keysInFlight = new ConcurrentHashMap<>();
    HistoryWriter writer =
        new HistoryWriter(
            database,
            supervisor,
            clock,
            retention,
            maxBacklog,
            chains,
            firstSeq,
            lastSeq,
            checkpoint.upToSeq(),
            changedSinceCheckpoint,
            exact,
            request -> keysInFlight.remove(request.key.value(), request));
    EmbeddedJournal journal =
        new EmbeddedJournal(supervisor, database, clock, retention, writer, keysInFlight);
    journal.writer.start();
    if (!exact) {
      LOG.log(
          Level.INFO,
          "the checkpoint was taken under a lifetime of {0}: re-projecting the history under {1}",
          Duration.ofMillis(checkpoint.lifetimeMillis()),
          supervisor.lifetime());
      journal.reproject(supervisor.lifetime());
    }
    return journal;
  }

  @Override
  public CompletableFuture<Receipt> place(List<Order> orders) {
    requireOrders(orders);
    Entry.Orders entry = new Entry.Orders(List.copyOf(orders), null);
    return submit(entry, entry.done);
  }

  @Override
  public CompletableFuture<Receipt> placeOnce(IdempotencyKey key, List<Order> orders) {
    requireOrders(orders);
    Entry.Orders entry = new Entry.Orders(List.copyOf(orders), key);
    Entry.Orders first = keysInFlight.putIfAbsent(key.value(), entry);
    if (first != null) {
      return first.done.thenApply(
          receipt -> {
            if (!first.key.fingerprint().equals(key.fingerprint())) {
              throw new IdempotencyKeyReusedException(key.value());
            }
            return receipt.asRepeat();
          });
    }
    CompletableFuture<Receipt> done = submit(entry, entry.done);
    if (done.isCompletedExceptionally()) {
      keysInFlight.remove(key.value(), entry); // refused before the writer saw it
    }
    return done;
  }

  @Override
  public CompletableFuture<Boolean> placeEnd(long accountId) {
    Account.requireValidId(accountId);
    Entry.Ending entry = new Entry.Ending(accountId);
    return submit(entry, entry.done);
  }

  private <T> CompletableFuture<T> submit(Entry entry, CompletableFuture<T> done) {
    try {
      writer.submit(entry);
      return done;
    } catch (JournalUnavailableException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static void requireOrders(List<Order> orders) {
    if (orders.isEmpty()) {
      throw new IllegalArgumentException("a request needs at least one order");
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Returns once the order is committed to the database and applied to the wall.
   */
  @Override
  public Account order(long accountId, long quantity) {
    Entry.Orders entry = new Entry.Orders(List.of(new Order(accountId, quantity)), null);
    OrderJournal.await(submit(entry, entry.done));
    Account landed = entry.landed;
    if (landed == null) {
      throw new JournalUnavailableException(
          "the order is stored, but its account's deadline had passed on this"
              + " wall's clock by the time it was applied");
    }
    return landed;
  }

  @Override
  public void changeLifetime(Duration newLifetime) {
    WallSettings.checkLifetime(newLifetime);
    requireRetention(retention, newLifetime);
    synchronized (reprojectionLock) {
      if (newLifetime.equals(lifetime)) {
        return;
      }
    }
    reproject(newLifetime);
  }

  private void reproject(Duration newLifetime) {
    synchronized (reprojectionLock) {
      lifetime = newLifetime;
      if (reprojector != null) {
        reprojector.cancel();
      }
      Reprojector started = new Reprojector(database, writer, newLifetime, clock);
      reprojector = started;
      started.start(
          () -> {
            synchronized (reprojectionLock) {
              if (reprojector == started) {
                reprojector = null;
              }
            }
          });
    }
  }

  @Override
  public Optional<Reprojection> reprojection() {
    synchronized (reprojectionLock) {
      return reprojector == null ? Optional.empty() : Optional.of(reprojector.progress());
    }
  }

  @Override
  public List<HistoryStep> history(Instant from, Instant to, Duration step) {
    HistorySteps.count(from, to, step);
    try {
      return HistorySteps.sum(
          from, to, step, database.minutes(from.toEpochMilli(), to.toEpochMilli()));
    } catch (SQLException e) {
      throw JournalUnavailableException.refused(
          "cannot read the history: " + CommitFailure.describe(e), e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads the rows made from {@code from} on, on a connection of its own, and keeps the id's:
   * the history has no index by account, as one would slow every commit for the sake of a rare
   * question; finding where {@code from} begins by halving keeps the read to the range asked (a day
   * of rows at the demo's rate takes about a second).
   */
  @Override
  public List<HistoryStep> accountHistory(long accountId, Instant from, Instant to, Duration step) {
    Account.requireValidId(accountId);
    HistorySteps.count(from, to, step);
    long fromMillis = from.toEpochMilli();
    long toMillis = to.toEpochMilli();
    List<HistoryStep> orders = new ArrayList<>();
    try (AccountDatabase.HistoryReader reader = database.openHistoryReader()) {
      // No last seq to ask for: the writer goes on appending, and rows after to are skipped.
      long upTo = Long.MAX_VALUE - 1;
      reader.forEachRow(
          reader.seqBefore(fromMillis, upTo),
          upTo,
          (id, quantity, atMillis) -> {
            if (id == accountId && quantity > 0 && atMillis >= fromMillis && atMillis < toMillis) {
              orders.add(
                  new HistoryStep(
                      Instant.ofEpochMilli(HistorySteps.minuteOf(atMillis)), 1, quantity));
            }
          });
    } catch (SQLException e) {
      throw JournalUnavailableException.refused(
          "cannot read the history: " + CommitFailure.describe(e), e);
    }
    return HistorySteps.sum(from, to, step, orders);
  }

  @Override
  public List<String> problems() {
    List<String> problems = writer.problems();
    disk.shortage().ifPresent(problems::add);
    return problems;
  }

  /** Stops taking changes and returns once every change taken so far is committed. */
  @Override
  public void close() throws InterruptedException {
    synchronized (reprojectionLock) {
      if (reprojector != null) {
        reprojector.cancel();
      }
    }
    writer.close();
  }

  private static void requireRetention(Duration retention, Duration lifetime) {
    if (retention.compareTo(lifetime) < 0) {
      throw new IllegalArgumentException(
          "the history's retention ("
              + retention
              + ") must be at least the lifetime ("
              + lifetime
              + ")");
    }
  }

  @Override
  public String toString() {
    return "EmbeddedJournal[" + database + "]";
  }
}
