package com.accountwall.store;

import com.accountwall.core.Account;
import com.accountwall.core.AccountListener;
import com.accountwall.core.AccountSupervisor;
import com.accountwall.core.Order;
import com.accountwall.journal.JournalUnavailableException;
import com.accountwall.journal.OrderJournal;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Orders that are on disk when answered: the embedded {@link OrderJournal} of a single wall. It
 * applies an order to the {@link AccountSupervisor}, then waits until the account's new state is
 * committed to the {@link AccountDatabase}.
 *
 * <p><b>Group commit.</b> It hears every change of every account (orders from any source, expiry,
 * endings) as a listener and keeps only the latest account per id, reading its state when it
 * writes, so a burst on one account is one row and the backlog can never outgrow the live
 * accounts. A change heard from an account that has already ended is dropped: its end is recorded,
 * and a late change must not overwrite a newer account with the same id. One writer thread takes
 * everything pending, commits it in one transaction and then releases every caller whose change was
 * in it. A caller's ticket is the number of changes recorded when its own was applied; it is
 * acknowledged once the committed count reaches it. So durability costs one fsync per batch of
 * changes, not per order.
 *
 * <p>A batch of orders is applied while holding the read side of a lock whose write side the writer
 * takes to swap out the pending changes, so every order of a batch is in the one commit that
 * acknowledges it. (As states are read when written, a commit may also carry orders applied after
 * the swap; those are not yet acknowledged, and the next commit holds them too.)
 *
 * <p>Changes that fail to commit stay pending and are retried; callers waiting on them get {@link
 * StoreUnavailableException} after {@link #ACKNOWLEDGE_TIMEOUT} and so are never told "stored".
 *
 * <p><b>Thread safety:</b> all public methods may be called from any thread.
 */
public final class DurableOrders implements OrderJournal {
  private static final System.Logger LOG = System.getLogger(DurableOrders.class.getName());
  static final Duration ACKNOWLEDGE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

  private final AccountSupervisor supervisor;
  private final AccountDatabase database;
  private final ReentrantReadWriteLock wholeBatches = new ReentrantReadWriteLock();
  private final Thread writer;

  private final Object pendingLock = new Object();
  private Map<Long, Account> pending = new HashMap<>(); // guarded by pendingLock
  private long recorded; // guarded by pendingLock
  private boolean closing; // guarded by pendingLock

  private final Object commitLock = new Object();
  private volatile long committed;

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

  private DurableOrders(AccountSupervisor supervisor, AccountDatabase database) {
    this.supervisor = supervisor;
    this.database = database;
    this.writer = new Thread(this::writeLoop, "account-store-writer");
  }

  /**
   * Puts the stored live accounts back into {@code supervisor}, with their counts and deadlines,
   * drops those whose deadline passed while the wall was down, and from then on keeps every change.
   */
  public static DurableOrders restore(AccountSupervisor supervisor, AccountDatabase database) throws SQLException {
    DurableOrders orders = new DurableOrders(supervisor, database);
    int restored = 0;
    List<AccountChange> gone = new ArrayList<>();
    for (StoredAccount stored : database.loadAll()) {
      if (supervisor.restore(stored.accountId(), stored.widgetsSold(), stored.lastOrderAt())) {
        restored++;
      } else {
        gone.add(AccountChange.ended(stored.accountId()));
      }
    }
    database.write(gone);
    LOG.log(Level.INFO, "restored {0} live accounts from {1}", restored, database);
    supervisor.addListener(orders.recorder);
    orders.writer.start();
    return orders;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Returns once the order is committed to the database.
   *
   * @throws StoreUnavailableException if it could not be committed in time
   */
  @Override
  public Account order(long accountId, long quantity) {
    Account account;
    long ticket;
    wholeBatches.readLock().lock();
    try {
      account = supervisor.order(accountId, quantity);
      ticket = recorded();
    } finally {
      wholeBatches.readLock().unlock();
    }
    awaitCommitted(ticket);
    return account;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Applies every order and returns once all are committed, in one transaction.
   */
  @Override
  public int orderAll(List<Order> orders) {
    long ticket;
    wholeBatches.readLock().lock();
    try {
      for (Order order : orders) {
        supervisor.order(order.accountId(), order.quantity());
      }
      ticket = recorded();
    } finally {
      wholeBatches.readLock().unlock();
    }
    awaitCommitted(ticket);
    return orders.size();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Returns once the ending is committed.
   */
  @Override
  public boolean end(long accountId) {
    if (!supervisor.end(accountId)) {
      return false;
    }
    awaitCommitted(recorded());
    return true;
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

  private void record(Account account, boolean end) {
    synchronized (pendingLock) {
      if (!end && account.isEnded()) {
        // Its end is recorded (or about to be), and by then a newer account may hold the id.
        return;
      }
      pending.put(account.id(), account);
      recorded++;
      pendingLock.notifyAll();
    }
  }

  private boolean isClosing() {
    synchronized (pendingLock) {
      return closing;
    }
  }

  private long recorded() {
    synchronized (pendingLock) {
      return recorded;
    }
  }

  private void awaitCommitted(long ticket) {
    long deadline = System.nanoTime() + ACKNOWLEDGE_TIMEOUT.toNanos();
    synchronized (commitLock) {
      while (committed < ticket) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new StoreUnavailableException("the order was not stored within "
              + ACKNOWLEDGE_TIMEOUT.toSeconds() + " s; the database at " + database + " is not answering");
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(commitLock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StoreUnavailableException("interrupted while waiting for the order to be stored");
        }
      }
    }
  }

  private void writeLoop() {
    for (;;) {
      Map<Long, Account> batch;
      long upTo;
      synchronized (pendingLock) {
        while (pending.isEmpty() && !closing) {
          try {
            pendingLock.wait();
          } catch (InterruptedException e) {
            closing = true;
          }
        }
        if (pending.isEmpty()) {
          return;
        }
      }
      wholeBatches.writeLock().lock();
      try {
        synchronized (pendingLock) {
          batch = pending;
          pending = new HashMap<>();
          upTo = recorded;
        }
      } finally {
        wholeBatches.writeLock().unlock();
      }
      try {
        database.write(changes(batch.values()));
        synchronized (commitLock) {
          committed = upTo;
          commitLock.notifyAll();
        }
      } catch (SQLException e) {
        if (isClosing()) {
          // Nobody waits any more: the callers have had their 503s or are gone with the wall.
          LOG.log(Level.ERROR, "stopping with " + batch.size() + " account changes not stored", e);
          return;
        }
        LOG.log(Level.ERROR, "could not store " + batch.size() + " account changes; retrying", e);
        requeue(batch);
        pause();
      }
    }
  }

  /** What to write for each account: read now, so it is at least as new as any change recorded. */
  private static List<AccountChange> changes(Collection<Account> accounts) {
    List<AccountChange> changes = new ArrayList<>(accounts.size());
    for (Account account : accounts) {
      changes.add(account.isEnded()
          ? AccountChange.ended(account.id())
          : AccountChange.live(account.id(), account.widgetsOrdered(), account.lastOrderAt().toEpochMilli()));
    }
    return changes;
  }

  /** Puts a failed batch back under what has been recorded since, which is newer. */
  private void requeue(Map<Long, Account> failed) {
    synchronized (pendingLock) {
      failed.putAll(pending);
      pending = failed;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY_PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public com.accountwall.journal.Receipt orderOnce(com.accountwall.journal.IdempotencyKey key, List<Order> orders) {
    throw JournalUnavailableException.refused("Idempotency-Key is not supported yet", null); // TODO(idempotency)
  }

  @Override
  public List<String> problems() {
    return List.of(); // TODO(health)
  }
}
