package com.accountwall.store;

import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.Order;
import com.accountwall.journal.AccountChains;
import com.accountwall.journal.IdempotencyKeyReusedException;
import com.accountwall.journal.JournalUnavailableException;
import com.accountwall.journal.OrderJournal;
import com.accountwall.journal.Receipt;
import com.accountwall.journal.TimeOfDay;
import com.accountwall.journal.WallProjection;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The embedded journal's one writer: takes every pending {@link Entry}, links its orders into the
 * history by {@link AccountChains}, appends the rows in one transaction, and only then applies them
 * to the wall ({@link WallProjection}) and completes the callers' futures. So durability costs one
 * fsync per batch of changes, not per order, and the wall never shows an order that is not on disk.
 *
 * <p><b>Linking ahead of the disk.</b> The chains are the projection of the history as it will be:
 * a batch is linked once, when taken; if its commit fails, it is retried as it is, with what came
 * since appended after it, until a commit succeeds. Its callers are answered 503 at once (their
 * changes may still be stored); nothing is applied to the wall before the commit.
 *
 * <p><b>Faults heal by themselves.</b> Retries come 0.1 s after a failure, then at most a second
 * apart. While commits fail, and while {@link #maxBacklog} orders wait, new changes are refused
 * before they are taken. A failed look-up of an Idempotency-Key counts as a failed commit.
 *
 * <p><b>Off the order path,</b> each in a transaction of its own between commits: a checkpoint of
 * the accounts changed since the last one, every {@link #CHECKPOINT_EVERY} or {@link
 * #CHECKPOINT_ROWS} rows, written a piece after each commit; and retention, which deletes history
 * older than the retention a step of {@link #FORGET_STEP_ROWS} rows at a time, never past the
 * checkpoint.
 *
 * <p><b>Thread safety:</b> {@link #submit}, {@link #problems}, {@link #handOver} and {@link #close}
 * may be called from any thread; everything else runs on the writer's thread.
 */
final class HistoryWriter {
  private static final System.Logger LOG = System.getLogger(HistoryWriter.class.getName());

  /** Orders that may wait for a commit; past it, changes are refused rather than memory growing. */
  static final int MAX_BACKLOG = 250_000;

  /**
   * How often a checkpoint is written, a minute; the system property {@code
   * account-wall.checkpoint-every-millis} makes it more often, so that the fault tests kill walls
   * in the middle of one.
   */
  static final Duration CHECKPOINT_EVERY =
      Duration.ofMillis(Long.getLong("account-wall.checkpoint-every-millis", 60_000));

  static final int CHECKPOINT_ROWS = 500_000;

  /**
   * Accounts a piece of the checkpoint writes after a commit, 2,000: about 2 ms of the writer's
   * time on SQLite; for the fault tests, who kill walls between pieces, the system property {@code
   * account-wall.checkpoint-piece-accounts} makes it fewer.
   */
  static final int CHECKPOINT_PIECE =
      Integer.getInteger("account-wall.checkpoint-piece-accounts", 2_000);

  static final int FORGET_STEP_ROWS = 10_000;

  /**
   * How often a step of retention is taken while old history is left, 10 s; for the fault tests, as
   * above.
   */
  private static final long FORGET_EVERY_MILLIS =
      Long.getLong("account-wall.retention-every-millis", 10_000);

  private static final long FIRST_RETRY_MILLIS = 100;
  private static final long LAST_RETRY_MILLIS = 1000;
  private static final long FORGET_KEYS_EVERY_MILLIS = Duration.ofMinutes(1).toMillis();

  private final AccountDatabase database;
  private final AccountSupervisor supervisor;
  private final WallProjection projection;
  private final Clock clock;
  private final Duration retention;
  private final int maxBacklog;
  private final Thread thread;

  /** Called with each key once its request is committed, or refused before anything was stored. */
  private final Consumer<Entry.Orders> keySettled;

  private final Object pendingLock = new Object();

  @GuardedBy("pendingLock")
  private List<Entry> pending = new ArrayList<>();

  @GuardedBy("pendingLock")
  private int pendingOrders;

  private volatile boolean closing; // written under pendingLock
  private volatile int
      backlog; // written under pendingLock, read by submit() and problems() without it
  private volatile Failure failure; // set while commits fail

  /** Orders per commit, once {@link #bindMeters} was called; recorded once per commit. */
  private volatile DistributionSummary commitSizes;

  /** A re-projection done in the background, for the writer to take over between batches. */
  private volatile Handover handover;

  // The writer thread's alone (and start-up's, before it runs).
  private AccountChains chains;
  private long lifetimeMillis;
  private long lastSeq;
  private volatile long committedSeq; // written by the writer only
  private HistoryBatch failed;

  /**
   * Accounts the next checkpoint must write besides those the chains list as changed (which are
   * marked as they are linked, all committed by the time a checkpoint starts): the rows after the
   * checkpoint at start, and those a dropped checkpoint had not written.
   */
  private final Set<Long> changedSinceCheckpoint;

  private boolean rewriteCheckpoint;

  /**
   * The accounts of the checkpoint under way, in order of id, null while none is; those from {@link
   * #checkpointNext} on are still to be written, and it completes at {@link #checkpointTarget}.
   */
  private long[] checkpointLeft;

  private int checkpointNext;
  private long checkpointTarget;

  /**
   * Whether the chains are the history's projection under their lifetime, not a stand-in until a
   * re-projection is taken over.
   */
  private boolean exact;

  private long checkpointSeq;
  private long checkpointAt;
  private long firstSeq;
  private long forgetAt;
  private long forgetKeysAt;

  /** Why commits fail, and since when. */
  private record Failure(String cause, Instant since) {
    String describe() {
      return "orders cannot be stored: " + cause + ", since " + TimeOfDay.of(since);
    }
  }

  /**
   * New chains under another lifetime, linked from the history up to {@code upToSeq}; {@code taken}
   * runs on the writer's thread once the wall shows them.
   */
  record Handover(AccountChains chains, long lifetimeMillis, long upToSeq, Runnable taken) {}

  /**
   * @param chains the history projected up to {@code lastSeq}, which the wall already shows
   * @param checkpointSeq where the checkpoint stands
   * @param changedSinceCheckpoint the accounts of the rows after it, which the next checkpoint must
   *     write
   * @param exact false if {@code chains} only stand in until a re-projection is taken over (the
   *     checkpoint was taken under another lifetime); no checkpoint is written until then
   */
  HistoryWriter(
      AccountDatabase database,
      AccountSupervisor supervisor,
      Clock clock,
      Duration retention,
      int maxBacklog,
      AccountChains chains,
      long firstSeq,
      long lastSeq,
      long checkpointSeq,
      Set<Long> changedSinceCheckpoint,
      boolean exact,
      Consumer<Entry.Orders> keySettled) {
    this.database = database;
    this.supervisor = supervisor;
    this.projection = new WallProjection(supervisor);
    this.clock = clock;
    this.retention = retention;
    this.maxBacklog = maxBacklog;
    this.chains = chains;
    chains.listChanges();
    this.lifetimeMillis = supervisor.lifetime().toMillis();
    this.firstSeq = firstSeq;
    this.lastSeq = lastSeq;
    this.committedSeq = lastSeq;
    this.checkpointSeq = checkpointSeq;
    this.changedSinceCheckpoint = new HashSet<>(changedSinceCheckpoint);
    this.exact = exact;
    this.keySettled = keySettled;
    long now = clock.millis();
    this.checkpointAt = now + CHECKPOINT_EVERY.toMillis();
    this.forgetAt = now;
    this.forgetKeysAt = now;
    this.thread = new Thread(this::run, "history-writer");
  }

  void start() {
    thread.start();
  }

  /**
   * Records its meters in {@code registry}: a distribution of the orders per commit, and a gauge of
   * the orders that wait for a commit (read at each scrape, from the field {@link #submit} keeps).
   * Once, from any thread; commits before it are not counted.
   */
  void bindMeters(MeterRegistry registry) {
    Gauge.builder("account.wall.journal.backlog", this, writer -> writer.backlog)
        .description("orders waiting for the journal's writer to commit them")
        .register(registry);
    commitSizes =
        DistributionSummary.builder("account.wall.journal.commit.orders")
            .description("orders (and ends) per commit of the embedded journal")
            .publishPercentileHistogram()
            .minimumExpectedValue(1.0)
            .maximumExpectedValue((double) maxBacklog)
            .register(registry);
  }

  /**
   * Hands a change to the writer, stamped with the wall's clock now.
   *
   * @throws JournalUnavailableException, taking nothing, while commits fail, the backlog is full or
   *     the wall is stopping
   */
  void submit(Entry entry) {
    synchronized (pendingLock) {
      admit();
      pending.add(entry);
      pendingOrders += entry.size();
      backlog = pendingOrders;
      pendingLock.notifyAll();
    }
  }

  /** The last seq committed, for a re-projection to read up to. */
  long committedSeq() {
    return committedSeq;
  }

  /** Takes a re-projection over between batches: the writer links the rows since, then shows it. */
  void handOver(Handover next) {
    synchronized (pendingLock) {
      handover = next;
      pendingLock.notifyAll();
    }
  }

  List<String> problems() {
    List<String> problems = new ArrayList<>();
    Failure now = failure;
    if (now != null) {
      problems.add(now.describe());
    }
    if (!thread.isAlive() && !closing) {
      problems.add(
          "orders cannot be stored: the journal's writer has stopped; restart the wall, its log says why");
    }
    if (backlog >= maxBacklog) {
      problems.add("orders are refused: " + backlog + " orders wait to be stored");
    }
    return problems;
  }

  /**
   * Stops taking changes and returns once every change taken so far is committed (or the database
   * gave up).
   */
  void close() throws InterruptedException {
    synchronized (pendingLock) {
      closing = true;
      pendingLock.notifyAll();
    }
    thread.join();
  }

  private void admit() {
    if (closing) {
      throw JournalUnavailableException.refused("the wall is stopping; not applied", null);
    }
    if (backlog >= maxBacklog) {
      throw JournalUnavailableException.refused(
          "orders are refused: "
              + backlog
              + " orders wait to be stored, the most this wall holds; not applied",
          null);
    }
    Failure now = failure;
    if (now != null) {
      throw JournalUnavailableException.refused(now.describe() + "; not applied", null);
    }
  }

  private void run() {
    long retryMillis = FIRST_RETRY_MILLIS;
    for (; ; ) {
      Handover next = handover;
      if (next != null && failed == null) {
        takeOver(next);
      }
      List<Entry> taken = take();
      if (taken == null) {
        checkpoint(true);
        return;
      }
      HistoryBatch batch = link(taken);
      if (failed != null) {
        Boolean landed = landed(failed, batch, retryMillis);
        if (landed == null) {
          if (closing) {
            // As below: nobody waits any more, and a silent database would hold up the stop.
            LOG.log(
                Level.ERROR,
                "stopping with " + failed.rows.size() + " history rows not known to be stored");
            return;
          }
          retryMillis = Math.min(2 * retryMillis, LAST_RETRY_MILLIS);
          continue; // the database still fails; the new entries wait with the failed batch
        }
        if (landed) {
          LOG.log(
              Level.WARNING,
              "a commit reported as failed had landed: its {0} rows are in the history",
              failed.rows.size());
          committed(failed);
        } else {
          failed.append(batch);
          batch = failed;
        }
        failed = null;
      }
      try {
        if (batch.isEmpty()) {
          database.check();
        } else {
          long now = clock.millis();
          long forgetKeysBefore =
              now >= forgetKeysAt ? now - OrderJournal.KEYS_KEPT.toMillis() : Long.MIN_VALUE;
          database.append(batch.rows, batch.minutes(), batch.keys, forgetKeysBefore);
          if (forgetKeysBefore != Long.MIN_VALUE) {
            forgetKeysAt = now + FORGET_KEYS_EVERY_MILLIS;
          }
        }
        failed = null;
        committed(batch);
        retryMillis = FIRST_RETRY_MILLIS;
      } catch (SQLException | RuntimeException | Error e) {
        // Whatever the driver throws, the writer must live on: it is the only one that commits.
        fail(batch, e);
        if (closing) {
          // Nobody waits any more: the callers have had their 503s or are gone with the wall.
          LOG.log(
              Level.ERROR, "stopping with " + batch.rows.size() + " history rows not stored", e);
          return;
        }
        failed = batch;
        pause(retryMillis);
        retryMillis = Math.min(2 * retryMillis, LAST_RETRY_MILLIS);
        continue;
      }
      checkpoint(false);
      forgetOldHistory();
    }
  }

  /**
   * Whether the failed batch's commit landed after all: a connection lost during COMMIT (a database
   * server stopped at that moment) leaves it unknown, and its rows must not be appended twice. The
   * commit is one transaction, so its first row tells. If the database cannot say, the new entries
   * are failed as a commit's would be and join the failed batch, and null says to try again later.
   */
  private Boolean landed(HistoryBatch failedBatch, HistoryBatch newer, long retryMillis) {
    if (failedBatch.rows.isEmpty()) {
      return false;
    }
    try {
      return database.hasRow(failedBatch.rows.get(0).seq());
    } catch (SQLException | RuntimeException e) {
      fail(newer, e);
      failedBatch.append(newer);
      pause(retryMillis);
      return null;
    }
  }

  /**
   * Waits for pending changes and takes them all; an empty list, at once, while the database fails
   * (a retry, or a check of it, is due) or a checkpoint has pieces left; null once closing with
   * nothing pending or to retry.
   */
  private List<Entry> take() {
    synchronized (pendingLock) {
      while (pending.isEmpty()
          && !closing
          && failure == null
          && failed == null
          && handover == null
          && checkpointLeft == null) {
        try {
          pendingLock.wait(Math.max(1, checkpointAt - clock.millis()));
        } catch (InterruptedException e) {
          closing = true;
        }
        if (clock.millis() >= checkpointAt) {
          break;
        }
      }
      if (pending.isEmpty() && closing && failed == null) {
        return null;
      }
      List<Entry> taken = pending;
      pending = new ArrayList<>();
      return taken;
    }
  }

  /**
   * Links the entries into the history, in the order they came, all stamped with the time now: the
   * moment they take effect. One time per commit makes one row per account per commit, as few rows
   * as the commit's accounts, however many orders.
   */
  private HistoryBatch link(List<Entry> entries) {
    int expected = 0;
    for (Entry entry : entries) {
      expected += entry.size();
    }
    HistoryBatch batch = new HistoryBatch(expected);
    long at = clock.millis();
    for (Entry entry : entries) {
      if (entry instanceof Entry.Ending ending) {
        ending.wasLive = chains.end(0, ending.accountId, at);
        batch.end(++lastSeq, ending.accountId, at);
        batch.entries.add(ending);
      } else if (entry instanceof Entry.Orders orders && isNew(orders)) {
        linkOrders(orders, at, batch);
      }
    }
    return batch;
  }

  /**
   * Whether a keyed request's key is new; a repeat of a committed request is answered here, and a
   * key that cannot be looked up fails the request (not applied) and the database as a commit
   * would.
   */
  private boolean isNew(Entry.Orders request) {
    if (request.key == null) {
      return true;
    }
    Optional<KeptReceipt> kept;
    try {
      kept = database.keptReceipt(request.key.value());
    } catch (SQLException e) {
      setFailure(CommitFailure.describe(e), e);
      settle(
          request,
          JournalUnavailableException.refused(
              "cannot look up the Idempotency-Key: " + CommitFailure.describe(e) + "; not applied",
              e));
      return false;
    }
    if (kept.isEmpty()) {
      return true;
    }
    if (!kept.get().key().fingerprint().equals(request.key.fingerprint())) {
      settle(request, new IdempotencyKeyReusedException(request.key.value()));
    } else {
      request.done.complete(kept.get().receipt().asRepeat());
      keySettled.accept(request);
    }
    return false;
  }

  private void settle(Entry.Orders request, RuntimeException failure) {
    request.fail(failure);
    keySettled.accept(request);
  }

  private void linkOrders(Entry.Orders request, long at, HistoryBatch batch) {
    if (wouldOverflow(request, at)) {
      settle(
          request,
          JournalUnavailableException.refused(
              "an account's widget count would overflow; not applied", null));
      return;
    }
    AccountChains.Link link = null;
    for (Order order : request.orders) {
      link = chains.order(0, order.accountId(), order.quantity(), at);
      if (batch.order(lastSeq + 1, order.accountId(), order.quantity(), at, link)) {
        lastSeq++;
      }
    }
    batch.count(at, request.orders.size(), request.widgets());
    Order last = request.orders.get(request.orders.size() - 1);
    request.receipt =
        new Receipt(
            request.orders.size(),
            last.accountId(),
            link.count(),
            Instant.ofEpochMilli(link.lastMillis() + lifetimeMillis),
            false);
    if (request.key != null) {
      batch.keys.add(new KeptReceipt(request.key, request.receipt, at));
    }
    batch.entries.add(request);
  }

  /**
   * Whether the request's orders would take an account's count past what a long holds, so none is
   * applied.
   */
  private boolean wouldOverflow(Entry.Orders request, long at) {
    try {
      long total = 0;
      for (Order order : request.orders) {
        total = Math.addExact(total, order.quantity());
      }
      if (!chains.mayOverflow(total)) {
        return false; // the everyday case, without a look at each account
      }
    } catch (ArithmeticException e) {
      // the request alone holds that many widgets: look at each account
    }
    Map<Long, Long> totals = new HashMap<>();
    try {
      for (Order order : request.orders) {
        AccountChains.Link chain = chains.liveChain(order.accountId(), at);
        long before = totals.getOrDefault(order.accountId(), chain == null ? 0 : chain.count());
        totals.put(order.accountId(), Math.addExact(before, order.quantity()));
      }
      return false;
    } catch (ArithmeticException e) {
      return true;
    }
  }

  /** After a commit: applies its rows to the wall, then answers its callers. */
  private void committed(HistoryBatch batch) {
    committedSeq = batch.lastSeq(committedSeq);
    int size = batch.entries.stream().mapToInt(Entry::size).sum();
    // Once per commit, never per order, so the writer's loop stays cheap; before the callers are
    // answered, so a scrape after an answer sees its commit. A batch with no rows was a check of
    // the database, not a commit.
    DistributionSummary sizes = commitSizes;
    if (sizes != null && !batch.isEmpty()) {
      sizes.record(size);
    }
    for (int i = 0; i < batch.rows.size(); i++) {
      HistoryRow row = batch.rows.get(i);
      if (row.isEnd()) {
        projection.end(row.accountId());
      } else {
        projection.order(row.accountId(), row.quantity(), row.atMillis(), batch.links.get(i));
      }
    }
    for (Entry entry : batch.entries) {
      if (entry instanceof Entry.Orders orders) {
        orders.landed = projection.live(orders.orders.get(orders.orders.size() - 1).accountId());
        orders.done.complete(orders.receipt);
        if (orders.key != null) {
          keySettled.accept(orders);
        }
      } else if (entry instanceof Entry.Ending ending) {
        ending.done.complete(ending.wasLive);
      }
    }
    Failure healed = failure;
    failure = null;
    synchronized (pendingLock) {
      pendingOrders -= size;
      backlog = pendingOrders;
    }
    if (healed != null) {
      LOG.log(
          Level.WARNING,
          "orders are stored again, {0} s after: {1}",
          Duration.between(healed.since(), clock.instant()).toSeconds(),
          healed.cause());
    }
  }

  private void fail(HistoryBatch batch, Throwable e) {
    String cause = e instanceof SQLException sql ? CommitFailure.describe(sql) : String.valueOf(e);
    setFailure(cause, e);
    JournalUnavailableException failure =
        new JournalUnavailableException(
            this.failure.describe()
                + "; it is retried, so it may still be stored: retry with the same Idempotency-Key",
            e);
    for (Entry entry : batch.entries) {
      entry.fail(failure); // no-op for those a first failure of this batch answered already
    }
  }

  private void setFailure(String cause, Throwable e) {
    Failure before = failure;
    failure = new Failure(cause, before != null ? before.since() : clock.instant());
    if (before == null) {
      LOG.log(
          Level.ERROR,
          "orders cannot be stored: " + cause + "; refusing new orders and retrying every second",
          e);
    } else {
      LOG.log(Level.DEBUG, "retry failed: " + cause);
    }
  }

  /**
   * Writes a piece of the checkpoint under way, or starts one when one is due (or {@code now}, when
   * it is written whole). A piece is {@link #CHECKPOINT_PIECE} accounts in a transaction of its
   * own, one after each commit, so the orders of the moment wait for a few milliseconds of it, not
   * for all of it; the checkpoint moves when its last piece lands. A failure is logged and it is
   * tried again later, as nothing acknowledged depends on it.
   */
  private void checkpoint(boolean now) {
    long time = clock.millis();
    if (exact && failed == null) {
      if (rewriteCheckpoint) {
        rewriteCheckpoint(time);
      } else if (checkpointLeft != null && !now) {
        writeCheckpointPiece(CHECKPOINT_PIECE, time);
      } else if ((now || time >= checkpointAt || committedSeq - checkpointSeq >= CHECKPOINT_ROWS)
          && committedSeq != checkpointSeq) {
        startCheckpoint();
        writeCheckpointPiece(now ? Integer.MAX_VALUE : CHECKPOINT_PIECE, time);
      }
    }
    if (checkpointLeft == null && time >= checkpointAt) {
      checkpointAt = time + CHECKPOINT_EVERY.toMillis();
    }
  }

  /**
   * Takes the accounts changed since the last checkpoint for a new one, which completes at the
   * history as committed now; any left of one under way join them.
   */
  private void startCheckpoint() {
    dropCheckpointUnderWay();
    checkpointLeft = sortedDistinct(chains.takeChanged(), changedSinceCheckpoint);
    changedSinceCheckpoint.clear();
    checkpointNext = 0;
    checkpointTarget = committedSeq;
  }

  /**
   * The ids of both, each once, in order: by sorting, as the chains' ids are a long array of up to
   * every live account, taken several times a second under load; the order of ids is also the order
   * of the checkpoint's table, so that its pieces write neighbouring pages.
   */
  private static long[] sortedDistinct(long[] ids, Set<Long> more) {
    long[] all = Arrays.copyOf(ids, ids.length + more.size());
    int next = ids.length;
    for (long id : more) {
      all[next++] = id;
    }
    Arrays.sort(all);
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[distinct++] = all[i];
      }
    }
    return Arrays.copyOf(all, distinct);
  }

  /** Gives the accounts a checkpoint under way has not written back to the next one, if any. */
  private void dropCheckpointUnderWay() {
    if (checkpointLeft != null) {
      for (int i = checkpointNext; i < checkpointLeft.length; i++) {
        changedSinceCheckpoint.add(checkpointLeft[i]);
      }
      checkpointLeft = null;
    }
  }

  /**
   * Writes the next piece, of at most {@code most} accounts: their states now, as of the history
   * committed now; the last piece also moves the checkpoint to where it started. An account that
   * changed after the start is written with its newer state, which is as right (its row says how
   * far it counts), and again by the next checkpoint. On a failure the accounts left go back to
   * wait for the next one; those written stay, as right as they were.
   */
  private void writeCheckpointPiece(int most, long time) {
    int end = (int) Math.min(checkpointLeft.length, (long) checkpointNext + most);
    List<AccountChange> changes = new ArrayList<>(end - checkpointNext);
    for (int i = checkpointNext; i < end; i++) {
      long id = checkpointLeft[i];
      AccountChains.Link chain = chains.liveChain(id, time);
      changes.add(
          chain == null
              ? AccountChange.ended(id)
              : AccountChange.live(id, chain.count(), chain.lastMillis()));
    }
    boolean last = end == checkpointLeft.length;
    Checkpoint completes = last ? new Checkpoint(checkpointTarget, lifetimeMillis) : null;
    try {
      database.writeCheckpoint(changes, false, committedSeq, completes, time);
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "the checkpoint failed; it is tried again in a minute: " + e);
      dropCheckpointUnderWay();
      checkpointAt = time + CHECKPOINT_EVERY.toMillis();
      return;
    }
    checkpointNext = end;
    if (last) {
      checkpointSeq = checkpointTarget;
      checkpointLeft = null;
      checkpointAt = time + CHECKPOINT_EVERY.toMillis();
    }
  }

  /**
   * Writes every live account anew, whole, under a new lifetime; any checkpoint under way is
   * dropped, as this one holds all it would. Tried again after each commit until it lands.
   */
  private void rewriteCheckpoint(long time) {
    checkpointLeft = null;
    List<AccountChange> changes = new ArrayList<>();
    chains.forEachLive(time, (id, count, last) -> changes.add(AccountChange.live(id, count, last)));
    try {
      database.writeCheckpoint(
          changes, true, committedSeq, new Checkpoint(committedSeq, lifetimeMillis), time);
      checkpointSeq = committedSeq;
      changedSinceCheckpoint.clear();
      chains.takeChanged(); // this checkpoint holds them all
      rewriteCheckpoint = false;
    } catch (SQLException | RuntimeException e) {
      LOG.log(
          Level.WARNING, "the checkpoint failed; it is tried again after the next commit: " + e);
    }
    checkpointAt = time + CHECKPOINT_EVERY.toMillis();
  }

  /**
   * Deletes one step of history older than the retention, if due; never a row past the checkpoint.
   */
  private void forgetOldHistory() {
    long time = clock.millis();
    if (time < forgetAt || firstSeq > checkpointSeq) {
      return;
    }
    try {
      long below = Math.min(firstSeq + FORGET_STEP_ROWS, checkpointSeq + 1);
      int deleted = database.forget(below, time - retention.toMillis());
      long first = database.seqRange()[0];
      firstSeq = first == 0 ? committedSeq + 1 : first;
      // A full step means more is likely old: take the next one after the next commit.
      forgetAt = deleted >= FORGET_STEP_ROWS / 2 ? time : time + FORGET_EVERY_MILLIS;
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "deleting old history failed; it is tried again later: " + e);
      forgetAt = time + FORGET_EVERY_MILLIS;
    }
  }

  /**
   * Takes over a re-projection: links the rows committed since it read (with nothing pending to
   * retry, the database holds everything linked), makes the wall agree with it, and rewrites the
   * checkpoint under the new lifetime. If the rows cannot be read, it is tried again after the next
   * batch.
   */
  @SuppressWarnings(
      "ReferenceEquality") // this very hand-over: a newer one, however equal, is another
  private void takeOver(Handover next) {
    List<HistoryRow> since = new ArrayList<>();
    try {
      database.forEachRow(next.upToSeq(), committedSeq, since::add);
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "could not take over the re-projection yet: " + e);
      return;
    }
    synchronized (pendingLock) {
      if (handover == next) {
        handover = null; // unless a newer one came meanwhile, which is taken next
      }
    }
    chains = next.chains();
    chains.listChanges(); // what the chains taken over marked is all in the checkpoint rewritten
    for (HistoryRow row : since) {
      if (row.isEnd()) {
        chains.end(0, row.accountId(), row.atMillis());
      } else {
        chains.order(0, row.accountId(), row.quantity(), row.atMillis());
      }
    }
    lifetimeMillis = next.lifetimeMillis();
    supervisor.setLifetime(Duration.ofMillis(lifetimeMillis));
    int live = projection.reconcile(chains, clock.millis());
    rewriteCheckpoint = true;
    exact = true;
    next.taken().run();
    LOG.log(
        Level.INFO,
        "the wall now shows the history under a lifetime of {0}: {1} live accounts",
        Duration.ofMillis(lifetimeMillis),
        live);
  }

  /** Waits before a retry; a closing wall cuts it short. */
  private void pause(long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    synchronized (pendingLock) {
      for (long left = millis;
          left > 0 && !closing;
          left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
        try {
          pendingLock.wait(left);
        } catch (InterruptedException e) {
          closing = true;
        }
      }
    }
  }
}
