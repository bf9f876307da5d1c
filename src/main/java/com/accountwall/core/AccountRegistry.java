package com.accountwall.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.stream.LongStream;

/**
 * The live accounts by id: the seed's {@code Registry} of unique keys.
 *
 * <p>Reads are lock-free and may run on any thread. Only {@link AccountSupervisor} adds and removes
 * entries, so an id maps to at most one live account at any moment. Views such as {@link #ids()}
 * are weakly consistent: they reflect the registry at some point during the call.
 *
 * <p>The accounts are spread by id over {@value #SEGMENTS} {@link AccountTable}s. Creations lock
 * one segment, so two threads creating accounts rarely wait for each other, and a segment grows by
 * copying a sixty-fourth of the accounts, under its own lock, while lookups go on.
 */
final class AccountRegistry {
  private static final int SEGMENTS = 64;
  private static final int SEGMENT_SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(SEGMENTS);

  private final AccountTable[] segments = new AccountTable[SEGMENTS];

  AccountRegistry() {
    Arrays.setAll(segments, i -> new AccountTable());
  }

  /** The live account with this id, if any: the seed's {@code whereis/1}. */
  Optional<Account> whereis(long accountId) {
    return Optional.ofNullable(get(accountId));
  }

  boolean exists(long accountId) {
    return get(accountId) != null;
  }

  int count() {
    int count = 0;
    for (AccountTable segment : segments) {
      count += segment.size();
    }
    return count;
  }

  /** The ids of the live accounts, ascending. */
  long[] ids() {
    LongStream.Builder ids = LongStream.builder();
    forEach(account -> ids.add(account.id()));
    return ids.build().sorted().toArray();
  }

  /** A snapshot of the live accounts, read-only. */
  List<Account> accounts() {
    List<Account> accounts = new ArrayList<>(count() + 16);
    forEach(accounts::add);
    return Collections.unmodifiableList(accounts);
  }

  /** Passes each live account to {@code action}; weakly consistent, and it copies nothing. */
  void forEach(Consumer<? super Account> action) {
    for (AccountTable segment : segments) {
      segment.forEach(action);
    }
  }

  Account get(long accountId) {
    long hash = AccountTable.hash(accountId);
    return segment(hash).get(accountId, (int) hash);
  }

  /**
   * The account holding {@code accountId}, made by {@code create} if none does. Callers for one id
   * wait for each other while {@code create} runs, and no other thread can see its account before
   * it returns.
   */
  Account computeIfAbsent(long accountId, LongFunction<Account> create) {
    long hash = AccountTable.hash(accountId);
    return segment(hash).computeIfAbsent(accountId, (int) hash, create);
  }

  void remove(Account account) {
    long hash = AccountTable.hash(account.id());
    segment(hash).remove(account, (int) hash);
  }

  private AccountTable segment(long hash) {
    return segments[(int) (hash >>> SEGMENT_SHIFT)];
  }
}
