package com.accountwall.core;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The live accounts by id: the seed's {@code Registry} of unique keys.
 *
 * <p>Reads are lock-free and may run on any thread. Only {@link AccountSupervisor} adds and removes
 * entries, so an id maps to at most one live account at any moment. Views such as {@link #ids()}
 * are weakly consistent: they reflect the registry at some point during the call.
 */
public final class AccountRegistry {
  private final ConcurrentHashMap<Long, Account> accounts = new ConcurrentHashMap<>();

  AccountRegistry() {}

  /** The live account with this id, if any: the seed's {@code whereis/1}. */
  public Optional<Account> whereis(long accountId) {
    return Optional.ofNullable(accounts.get(accountId));
  }

  public boolean exists(long accountId) {
    return accounts.containsKey(accountId);
  }

  public int count() {
    return accounts.size();
  }

  /** The ids of the live accounts, ascending. */
  public long[] ids() {
    long[] ids = accounts.keySet().stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(ids);
    return ids;
  }

  Account get(long accountId) {
    return accounts.get(accountId);
  }

  /** The live accounts, as a read-only, weakly consistent view. */
  public Collection<Account> accounts() {
    return Collections.unmodifiableCollection(accounts.values());
  }

  /** The account holding {@code accountId}, made by {@code create} under the map's lock if none does. */
  Account computeIfAbsent(long accountId, Function<Long, Account> create) {
    return accounts.computeIfAbsent(accountId, create);
  }

  void remove(Account account) {
    accounts.remove(account.id(), account);
  }
}
