package com.accountwall.ui;

import com.accountwall.core.AccountDirectory;
import com.accountwall.core.AccountProfile;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * A directory of teams whose lookups wait until the test lets them run ({@link #answer}), as the
 * wall's run on their own thread and come a batch at a time, later than the orders that started
 * them. Thread-safe.
 */
final class HeldLookups implements AccountDirectory, Executor {
  private final Map<Long, String> teams;
  private final Queue<Runnable> held = new ConcurrentLinkedQueue<>();

  /** A directory that knows the team of each id in {@code teams}, and no other account. */
  HeldLookups(Map<Long, String> teams) {
    this.teams = Map.copyOf(teams);
  }

  @Override
  public Optional<AccountProfile> lookup(long accountId) {
    return Optional.ofNullable(teams.get(accountId))
        .map(team -> new AccountProfile("Customer " + accountId, team));
  }

  @Override
  public void execute(Runnable lookup) {
    held.add(lookup);
  }

  /** Runs every lookup asked so far, on the calling thread. */
  void answer() {
    for (Runnable lookup; (lookup = held.poll()) != null; ) {
      lookup.run();
    }
  }
}
