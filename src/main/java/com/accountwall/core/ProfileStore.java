package com.accountwall.core;

import java.util.concurrent.CompletableFuture;

/**
 * Where a profile set through the API is kept: the wall's database, the same one its {@link
 * AccountDirectory} reads. A profile is kept by id, whether or not an account with that id is live,
 * and outlives every account of the id until it is set again.
 *
 * <p>Implementations are thread-safe and do not block the caller: the work runs elsewhere.
 */
@FunctionalInterface
public interface ProfileStore {
  /**
   * Keeps {@code profile} as the profile of {@code accountId}, replacing any it had.
   *
   * @return completes once the profile is committed, so the directory reads it from then on; fails
   *     if it could not be, and then nothing changed
   */
  CompletableFuture<Void> store(long accountId, AccountProfile profile);
}
