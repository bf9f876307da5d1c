package com.accountwall.store;

import com.accountwall.core.Account;
import com.accountwall.core.AccountListener;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.Order;
import com.accountwall.journal.IdempotencyKey;
import com.accountwall.journal.IdempotencyKeyReusedException;
import com.accountwall.journal.JournalUnavailableException;
import com.accountwall.journal.OrderJournal;
import com.accountwall.journal.Receipt;
import com.accountwall.journal.TimeOfDay;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Orders that are on disk when answered: the embedded {@link OrderJournal} of a single wall. It
 * applies an order to the {@link AccountSupervisor}, then waits until the account's new state is
 * committed to the {@link AccountDatabase}.
 *
 * <p><b>Group commit.</b> It hears every change of every account (orders from any source, expiry,
 * endings) as a listener and keeps only the latest account per id, reading its state when it
 * writes, so a burst on one account is one row. A change heard from an account that has already
 * ended is dropped: its end is recorded (or about to be), and a late change must not overwrite a
 * newer account with the same id; an order whose account ended under it waits until that end is
 * recorded, so the commit that acknowledges the order holds the end, and a crash cannot take the
 * order back once it was answered. One writer thread takes everything pending, commits it in one
 * transaction and then releases every caller whose change was in it. A caller's ticket is the
 * number of changes recorded when its own was applied; it is acknowledged once the committed count
 * reaches it. So durability costs one fsync per batch of changes, not per order.
 *
 * <p>A batch of orders is applied while holding the read side of a lock whose write side the writer
 * takes to swap out the pending changes, so every order of a batch, and its Idempotency-Key, is in
 * the one commit that acknowledges it. (As states are read when written, a commit may also carry
 * orders applied after the swap; those are not yet acknowledged, and the next commit holds them.)
 *
 * <p><b>Faults heal by themselves.</b> A commit that fails (disk full, I/O error, the database
 * locked by another program) fails every caller waiting on it at once, with the cause; its changes
 * stay pending and the writer retries, 0.1 s after the failure and then at most a second apart,
 * until a commit succeeds. A failed look-up of an Idempotency-Key (a database server that cannot be
 * reached) counts as a failed commit; with nothing to write, the writer then checks the database
 * at the same pace until it answers. While commits fail, and while the backlog is at {@link
 * #MAX_BACKLOG}, new orders are refused before they are applied. {@link #problems()} says what is
 * wrong.
 *
 * <p><b>Keys.</b> A keyed request claims its key in memory before it applies anything, so a repeat
 * that arrives meanwhile waits for the first; once committed, the key is found in the database.
 *
 * <p><b>Thread safety:</b> all public methods may be called from any thread.
 */
public final class EmbeddedJournal implements OrderJournal {
  private static final System.Logger LOG = System.getLogger(EmbeddedJournal.class.getName());
  /** Changes and keys that may wait for a commit; past it, orders are refused rather than memory growing. */
  static final int MAX_BACKLOG = 250_000;
  private static final long FIRST_RETRY_MILLIS = 100;
  private static final long LAST_RETRY_MILLIS = 1000;
  private static final long FORGET_KEYS_EVERY_MILLIS = Duration.ofMinutes(1).toMillis();

  private final AccountSupervisor supervisor;
  private final AccountDatabase database;
  private final Clock clock;
  private final DiskSpace disk;
  private final ReentrantReadWriteLock wholeBatches = new ReentrantReadWriteLock();
  private final Thread writer;
  private final int maxBacklog;
  /** Keys claimed by a request being applied or committed; a repeat waits for the first request. */
  private final Map<String, CompletableFuture<FirstRequest>> keysInFlight = new ConcurrentHashMap<>();
  /** Restored rows whose deadline passed while the wall was down: the writer deletes them with its first commit. */
  private List<Long> expiredWhileDown = new ArrayList<>(); // the writer thread's once started

  private final Object pendingLock = new Object();
  private Map<Long, Account> pending = new HashMap<>(); // guarded by pendingLock
  private List<KeptReceipt> pendingKeys = new ArrayList<>(); // guarded by pendingLock
  private long recorded; // guarded by pendingLock
  private volatile boolean closing; // written under pendingLock
  private volatile int backlog; // written under pendingLock, read by admit() without it

  private final Object commitLock = new Object();
  private long committed; // guarded by commitLock
  private long failedUpTo; // guarded by commitLock: the highest ticket a failed commit held
  private volatile Failure failure; // set while commits fail; written under commitLock or pendingLock

  /** Why commits fail, and since when. */
  private record Failure(String cause, Instant since) {
    String describe() {
      return "orders cannot be stored: " + cause + ", since " + TimeOfDay.of(since);
    }
  }

  /** What one request applied: its last order's account, the receipt, and the ticket to wait for. */
  private record Applied(Account last, Receipt receipt, long ticket) {}

  /** The first request with a key: its key as it came, what it applied, and the ticket to wait for. */
  private record FirstRequest(IdempotencyKey key, Receipt receipt, long ticket) {}

  private final AccountListener recorder = new AccountListener() {
    @Override
    public void accountCreated(Account account) {
      record(account, false);
    }

    @Override
    public void accountChanged(Account account) {
      record(account, false);
    }

    @Override
    public void accountEnded(Account account) {
      record(account, true);
    }
  };

  private EmbeddedJournal(AccountSupervisor supervisor, AccountDatabase database, Clock clock, int maxBacklog) {
    this.maxBacklog = maxBacklog;
    this.supervisor = supervisor;
    this.database = database;
    this.clock = clock;
    this.disk = DiskSpace.of(database.file());
    this.writer = new Thread(this::writeLoop, "account-store-writer");
  }

  /**
   * Puts the stored live accounts back into {@code supervisor}, with their counts and deadlines,
   * leaves out those whose deadline passed while the wall was down (their rows are deleted with the
   * first commit, so a start that fails deletes nothing), and from then on keeps every change.
   *
   * @param clock the time keys are kept at, and forgotten a day after
   */
  public static EmbeddedJournal restore(AccountSupervisor supervisor, AccountDatabase database, Clock clock)
      throws SQLException {
    return restore(supervisor, database, clock, MAX_BACKLOG);
  }

  /** As {@link #restore(AccountSupervisor, AccountDatabase, Clock)}, refusing orders once {@code maxBacklog} changes wait. */
  static EmbeddedJournal restore(AccountSupervisor supervisor, AccountDatabase database, Clock clock, int maxBacklog)
      throws SQLException {
    EmbeddedJournal orders = new EmbeddedJournal(supervisor, database, clock, maxBacklog);
    int restored = 0;
    for (StoredAccount stored : database.loadAll()) {
      if (supervisor.restore(stored.accountId(), stored.widgetsSold(), stored.lastOrderAt())) {
        restored++;
      } else {
        orders.expiredWhileDown.add(stored.accountId());
      }
    }
    LOG.log(Level.INFO, "restored {0} live accounts from {1}", restored, database);
    supervisor.addListener(orders.recorder);
    orders.writer.start();
    return orders;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Returns once the order is committed to the database.
   */
  @Override
  public Account order(long accountId, long quantity) {
    Applied applied = apply(List.of(new Order(accountId, quantity)), null);
    awaitCommitted(applied.ticket());
    return applied.last();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Applies every order and returns once all are committed, in one transaction.
   */
  @Override
  public int orderAll(List<Order> orders) {
    if (orders.isEmpty()) {
      return 0;
    }
    awaitCommitted(apply(orders, null).ticket());
    return orders.size();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The key is committed in the same transaction as the orders, so after a crash either both
   * are there or neither.
   */
  @Override
  public Receipt orderOnce(IdempotencyKey key, List<Order> orders) {
    if (orders.isEmpty()) {
      throw new IllegalArgumentException("a keyed request needs at least one order");
    }
    CompletableFuture<FirstRequest> claim = new CompletableFuture<>();
    CompletableFuture<FirstRequest> earlier = keysInFlight.putIfAbsent(key.value(), claim);
    if (earlier != null) {
      return repeatOf(earlier, key);
    }
    FirstRequest first;
    try {
      Optional<KeptReceipt> kept = keptReceipt(key);
      if (kept.isPresent()) {
        first = new FirstRequest(kept.get().key(), kept.get().receipt(), 0);
        claim.complete(first);
        keysInFlight.remove(key.value(), claim);
        requireSameRequest(first.key(), key);
        return first.receipt().asRepeat();
      }
      Applied applied = apply(orders, key);
      first = new FirstRequest(key, applied.receipt(), applied.ticket());
    } catch (RuntimeException e) {
      keysInFlight.remove(key.value(), claim);
      claim.completeExceptionally(e);
      throw e;
    }
    claim.complete(first);
    awaitCommitted(first.ticket());
    return first.receipt();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Returns once the ending is committed.
   */
  @Override
  public boolean end(long accountId) {
    admit();
    if (!supervisor.end(accountId)) {
      return false;
    }
    awaitCommitted(recorded());
    return true;
  }

  // Until the writer completes futures itself, they wait on threads of their own.
  private static final java.util.concurrent.ExecutorService WAITERS =
      java.util.concurrent.Executors.newCachedThreadPool(com.accountwall.core.DaemonThreads.named("order-waiter"));

  @Override
  public CompletableFuture<Receipt> place(List<Order> orders) {
    if (orders.isEmpty()) {
      throw new IllegalArgumentException("place at least one order");
    }
    return CompletableFuture.supplyAsync(() -> {
      Applied applied = apply(orders, null);
      awaitCommitted(applied.ticket());
      return applied.receipt();
    }, WAITERS);
  }

  @Override
  public CompletableFuture<Receipt> placeOnce(IdempotencyKey key, List<Order> orders) {
    if (orders.isEmpty()) {
      throw new IllegalArgumentException("a keyed request needs at least one order");
    }
    return CompletableFuture.supplyAsync(() -> orderOnce(key, orders), WAITERS);
  }

  @Override
  public CompletableFuture<Boolean> placeEnd(long accountId) {
    com.accountwall.core.Account.requireValidId(accountId);
    return CompletableFuture.supplyAsync(() -> end(accountId), WAITERS);
  }

  @Override
  public void changeLifetime(Duration lifetime) {
    supervisor.setLifetime(lifetime);
  }

  @Override
  public Optional<com.accountwall.journal.Reprojection> reprojection() {
    return Optional.empty();
  }

  @Override
  public List<com.accountwall.journal.HistoryStep> history(Instant from, Instant to, Duration step) {
    return com.accountwall.journal.HistorySteps.empty(from, to, step);
  }

  @Override
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    Failure now = failure;
    if (now != null) {
      problems.add(now.describe());
    }
    if (!writer.isAlive() && !closing) {
      problems.add("orders cannot be stored: the journal's writer has stopped; restart the wall, its log says why");
    }
    if (backlog >= maxBacklog) {
      problems.add("orders are refused: " + backlog + " changes wait to be stored");
    }
    disk.shortage().ifPresent(problems::add);
    return problems;
  }

  /** Stops taking changes and returns once every change recorded so far is committed. */
  @Override
  public void close() throws InterruptedException {
    supervisor.removeListener(recorder);
    synchronized (pendingLock) {
      closing = true;
      pendingLock.notifyAll();
    }
    writer.join();
  }

  /**
   * Applies the orders, and records the key with their receipt, so that one commit holds all of it.
   *
   * @throws JournalUnavailableException, applying nothing, while commits fail or the backlog is full
   */
  private Applied apply(List<Order> orders, IdempotencyKey key) {
    admit();
    List<Account> accounts = new ArrayList<>(orders.size());
    Receipt receipt;
    long ticket;
    wholeBatches.readLock().lock();
    try {
      for (Order order : orders) {
        accounts.add(supervisor.order(order.accountId(), order.quantity()));
      }
      Account last = accounts.get(accounts.size() - 1);
      receipt = new Receipt(orders.size(), last.id(), last.widgetsOrdered(), last.expiresAt(), false);
      ticket = key == null ? recorded() : recordKey(new KeptReceipt(key, receipt, clock.millis()));
    } finally {
      wholeBatches.readLock().unlock();
    }
    for (Account account : accounts) {
      if (account.isEnded()) {
        ticket = Math.max(ticket, awaitEndRecorded(account));
      }
    }
    return new Applied(accounts.get(accounts.size() - 1), receipt, ticket);
  }

  /**
   * For an order whose account ended right after it: the order's own change may have been dropped
   * as late, so wait until the end is recorded (the account leaves the registry right after its
   * end is announced, and this listens to that announcement) and return a ticket that covers it.
   */
  private long awaitEndRecorded(Account account) {
    while (supervisor.whereis(account.id()).orElse(null) == account) {
      Thread.onSpinWait();
    }
    return recorded();
  }

  private void admit() {
    if (closing) {
      throw JournalUnavailableException.refused("the wall is stopping; not applied", null);
    }
    if (backlog >= maxBacklog) {
      throw JournalUnavailableException.refused("orders are refused: " + backlog
          + " changes wait to be stored, the most this wall holds; not applied", null);
    }
    Failure now = failure;
    if (now != null) {
      throw JournalUnavailableException.refused(now.describe() + "; not applied", null);
    }
  }

  private Optional<KeptReceipt> keptReceipt(IdempotencyKey key) {
    try {
      return database.receipt(key.value());
    } catch (SQLException e) {
      lookupFailed(e);
      throw JournalUnavailableException.refused("cannot look up the Idempotency-Key: "
          + CommitFailure.describe(e) + "; not applied", e);
    }
  }

  private Receipt repeatOf(CompletableFuture<FirstRequest> claim, IdempotencyKey key) {
    FirstRequest first;
    try {
      first = claim.get(ACKNOWLEDGE_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new JournalUnavailableException("the first request with this Idempotency-Key is still being applied");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JournalUnavailableException("interrupted while waiting for the first request with this key");
    }
    requireSameRequest(first.key(), key);
    awaitCommitted(first.ticket());
    return first.receipt().asRepeat();
  }

  private static void requireSameRequest(IdempotencyKey first, IdempotencyKey repeat) {
    if (!first.fingerprint().equals(repeat.fingerprint())) {
      throw new IdempotencyKeyReusedException(repeat.value());
    }
  }

  private void record(Account account, boolean end) {
    synchronized (pendingLock) {
      if (!end && account.isEnded()) {
        // Its end is recorded (or about to be), and by then a newer account may hold the id.
        return;
      }
      pending.put(account.id(), account);
      recorded++;
      backlog = pending.size() + pendingKeys.size();
      pendingLock.notifyAll();
    }
  }

  private long recordKey(KeptReceipt key) {
    synchronized (pendingLock) {
      pendingKeys.add(key);
      backlog = pending.size() + pendingKeys.size();
      return ++recorded;
    }
  }

  private long recorded() {
    synchronized (pendingLock) {
      return recorded;
    }
  }

  /**
   * Waits until the commit that holds {@code ticket}, or fails at once when a commit that held it
   * failed: its changes are still pending and retried, so they may yet be stored.
   */
  private void awaitCommitted(long ticket) {
    long deadline = System.nanoTime() + ACKNOWLEDGE_TIMEOUT.toNanos();
    synchronized (commitLock) {
      while (committed < ticket) {
        if (failedUpTo >= ticket) {
          Failure now = failure;
          throw new JournalUnavailableException((now == null ? "the commit failed" : now.describe())
              + "; it is retried, so it may still be stored: retry with the same Idempotency-Key");
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new JournalUnavailableException("not stored within " + ACKNOWLEDGE_TIMEOUT.toSeconds()
              + " s; the database at " + database + " is not answering, and it may still be stored");
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(commitLock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new JournalUnavailableException("interrupted while waiting for the order to be stored");
        }
      }
    }
  }

  /** What the writer takes in one swap; empty when it only checks that a failed database answers again. */
  private record Batch(Map<Long, Account> accounts, List<KeptReceipt> keys, long upTo) {
    boolean isEmpty() {
      return accounts.isEmpty() && keys.isEmpty();
    }
  }

  private void writeLoop() {
    long retryMillis = FIRST_RETRY_MILLIS;
    long forgetKeysAt = clock.millis();
    for (;;) {
      Batch batch = take();
      if (batch == null) {
        return;
      }
      try {
        if (batch.isEmpty()) {
          database.check();
        } else {
          long now = clock.millis();
          long forgetBefore = now >= forgetKeysAt ? now - KEYS_KEPT.toMillis() : Long.MIN_VALUE;
          database.write(changes(batch.accounts()), batch.keys(), forgetBefore);
          if (forgetBefore != Long.MIN_VALUE) {
            forgetKeysAt = now + FORGET_KEYS_EVERY_MILLIS;
          }
          expiredWhileDown = List.of();
        }
        committed(batch);
        retryMillis = FIRST_RETRY_MILLIS;
      } catch (SQLException | RuntimeException | Error e) {
        // Whatever the driver throws, the writer must live on: it is the only one that commits.
        failed(batch, e);
        if (closing) {
          // Nobody waits any more: the callers have had their 503s or are gone with the wall.
          LOG.log(Level.ERROR, "stopping with " + batch.accounts().size() + " account changes not stored", e);
          return;
        }
        requeue(batch);
        pause(retryMillis);
        retryMillis = Math.min(2 * retryMillis, LAST_RETRY_MILLIS);
      }
    }
  }

  /**
   * Waits for pending changes and takes them all; an empty batch, at once, while the database fails
   * with nothing pending (its check is what heals it); null once closing with nothing pending.
   */
  private Batch take() {
    synchronized (pendingLock) {
      while (pending.isEmpty() && pendingKeys.isEmpty() && !closing && failure == null) {
        try {
          pendingLock.wait();
        } catch (InterruptedException e) {
          closing = true;
        }
      }
      if (pending.isEmpty() && pendingKeys.isEmpty()) {
        // Nothing recorded waits, so everything recorded is committed: the check's batch holds it all.
        return closing ? null : new Batch(new HashMap<>(), new ArrayList<>(), recorded);
      }
    }
    wholeBatches.writeLock().lock();
    try {
      synchronized (pendingLock) {
        Batch batch = new Batch(pending, pendingKeys, recorded);
        pending = new HashMap<>();
        pendingKeys = new ArrayList<>();
        return batch;
      }
    } finally {
      wholeBatches.writeLock().unlock();
    }
  }

  private void committed(Batch batch) {
    Failure healed = failure;
    synchronized (commitLock) {
      committed = batch.upTo();
      failure = null;
      commitLock.notifyAll();
    }
    for (KeptReceipt key : batch.keys()) {
      keysInFlight.remove(key.key().value()); // the database has it now
    }
    synchronized (pendingLock) {
      backlog = pending.size() + pendingKeys.size();
    }
    if (healed != null) {
      LOG.log(Level.WARNING, "orders are stored again, {0} s after: {1}",
          Duration.between(healed.since(), clock.instant()).toSeconds(), healed.cause());
    }
  }

  private void failed(Batch batch, Throwable e) {
    String cause = e instanceof SQLException sql ? CommitFailure.describe(sql) : String.valueOf(e);
    Failure before = failure;
    synchronized (commitLock) {
      failedUpTo = batch.upTo();
      failure = new Failure(cause, before != null ? before.since() : clock.instant());
      commitLock.notifyAll();
    }
    if (before == null) {
      LOG.log(Level.ERROR, "orders cannot be stored: " + cause + "; refusing new orders and retrying every second", e);
    } else {
      LOG.log(Level.DEBUG, "retry failed: " + cause);
    }
  }

  /**
   * A key could not be looked up: the database fails as a failed commit says, and new orders are
   * refused until the writer finds it answering again, checking it if it has nothing to write.
   */
  private void lookupFailed(SQLException e) {
    String cause = CommitFailure.describe(e);
    Failure before = failure;
    synchronized (pendingLock) {
      failure = new Failure(cause, before != null ? before.since() : clock.instant());
      pendingLock.notifyAll(); // wakes an idle writer to check the database
    }
    if (before == null) {
      LOG.log(Level.ERROR, "orders cannot be stored: " + cause
          + " (an Idempotency-Key look-up failed); refusing new orders and checking every second", e);
    }
  }

  /** What to write for each account: read now, so it is at least as new as any change recorded. */
  private List<AccountChange> changes(Map<Long, Account> accounts) {
    List<AccountChange> changes = new ArrayList<>(accounts.size() + expiredWhileDown.size());
    for (Long id : expiredWhileDown) {
      if (!accounts.containsKey(id)) { // else a new account has the id, and its row replaces the old
        changes.add(AccountChange.ended(id));
      }
    }
    for (Account account : accounts.values()) {
      changes.add(account.isEnded()
          ? AccountChange.ended(account.id())
          : AccountChange.live(account.id(), account.widgetsOrdered(), account.lastOrderAt().toEpochMilli()));
    }
    return changes;
  }

  /** Puts a failed batch back under what has been recorded since, which is newer. */
  private void requeue(Batch failed) {
    synchronized (pendingLock) {
      failed.accounts().putAll(pending);
      pending = failed.accounts();
      failed.keys().addAll(pendingKeys);
      pendingKeys = failed.keys();
      backlog = pending.size() + pendingKeys.size();
    }
  }

  /** Waits before a retry; a closing wall cuts it short. */
  private void pause(long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    synchronized (pendingLock) {
      for (long left = millis; left > 0 && !closing; left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
        try {
          pendingLock.wait(left);
        } catch (InterruptedException e) {
          closing = true;
        }
      }
    }
  }

  @Override
  public String toString() {
    return "EmbeddedJournal[" + database + "]";
  }
}
