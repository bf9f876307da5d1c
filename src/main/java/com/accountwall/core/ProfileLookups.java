package com.accountwall.core;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Looks up the profiles of new accounts in the {@link AccountDirectory}, many at a time, off the
 * order path.
 *
 * <p>A restore puts a million accounts on the wall in a second or two; a lookup task each would
 * queue a million tasks and a million single-row reads beside it. Instead each new account joins a
 * queue (a restore's accounts as one list), and one task at a time drains it in batches of up to
 * {@value #BATCH} ids, one {@link AccountDirectory#lookupAll} each. A batch whose lookup fails
 * keeps its default names, and the next batch is asked again.
 *
 * <p><b>Thread safety:</b> {@link #lookUp} may be called from any thread. At most one drain runs at
 * a time: {@code draining} is set by the caller that schedules it and cleared by the drain once the
 * queue looks empty; the drain then looks once more, so an account queued between its last poll and
 * the clearing is never stranded.
 */
final class ProfileLookups {
  private static final System.Logger LOG = System.getLogger(ProfileLookups.class.getName());
  static final int BATCH = 500;

  private final AccountDirectory directory;
  private final Executor executor;
  private final Consumer<Account> named;
  private final Queue<List<Account>> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  /**
   * @param named told of each live account that got a profile, on the drain's thread
   */
  ProfileLookups(AccountDirectory directory, Executor executor, Consumer<Account> named) {
    this.directory = directory;
    this.executor = executor;
    this.named = named;
  }

  /** Has the profile of a new account looked up, now or soon, on the executor. */
  void lookUp(Account account) {
    lookUpAll(List.of(account));
  }

  /** Has the profiles of new accounts looked up, now or soon, on the executor; keeps the list. */
  void lookUpAll(List<Account> accounts) {
    if (directory == AccountDirectory.NONE || accounts.isEmpty()) {
      return;
    }
    waiting.add(accounts);
    if (draining.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        waiting.clear(); // the wall is stopping
        draining.set(false);
        LOG.log(Level.WARNING, "no profile lookups: " + e.getMessage());
      }
    }
  }

  private void drain() {
    List<Account> batch = new ArrayList<>(BATCH);
    do {
      List<Account> accounts;
      while ((accounts = waiting.poll()) != null) {
        for (Account account : accounts) {
          batch.add(account);
          if (batch.size() == BATCH) {
            lookUpBatch(batch);
            if (Thread.currentThread().isInterrupted()) {
              waiting.clear(); // the wall is stopping
              draining.set(false);
              return;
            }
          }
        }
      }
      if (!batch.isEmpty()) {
        lookUpBatch(batch);
      }
      draining.set(false);
    } while (!waiting.isEmpty() && draining.compareAndSet(false, true));
  }

  /** Looks up the batch's profiles and applies them; empties the batch. */
  private void lookUpBatch(List<Account> batch) {
    int size = batch.size();
    long[] ids = new long[size];
    for (int i = 0; i < size; i++) {
      ids[i] = batch.get(i).id();
    }
    Map<Long, AccountProfile> profiles;
    try {
      profiles = directory.lookupAll(ids);
    } catch (Exception | LinkageError e) {
      LOG.log(
          Level.WARNING,
          "profile lookup failed for "
              + (size == 1 ? "account " + ids[0] : size + " accounts from " + ids[0])
              + "; they keep their default names",
          e);
      batch.clear();
      return;
    }
    for (Account account : batch) {
      AccountProfile profile = profiles.get(account.id());
      if (profile != null && !account.isEnded()) {
        account.applyProfile(profile);
        named.accept(account);
      }
    }
    batch.clear();
  }
}
