package com.accountwall.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where an account's name and attributes come from: the seed's {@code fetch_data}, which filled in
 * a new account's state after it had started.
 *
 * <p>The supervisor asks once per new account, off the order path and for many accounts at a time
 * ({@link #lookupAll}), and treats any exception as "no profile": the accounts asked about keep
 * their default names and keep taking orders. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AccountDirectory {

  /** Knows nothing, so every account keeps its {@linkplain Account#defaultName built-in name}. */
  AccountDirectory NONE = accountId -> Optional.empty();

  /** The profile of {@code accountId}, or empty when there is none. May throw; may block. */
  Optional<AccountProfile> lookup(long accountId) throws Exception;

  /**
   * The profiles of those of {@code accountIds} that have one, by id. By default one {@link
   * #lookup} each; a directory that can read many at once overrides it. May throw; may block.
   */
  default Map<Long, AccountProfile> lookupAll(long[] accountIds) throws Exception {
    Map<Long, AccountProfile> profiles = new HashMap<>();
    for (long accountId : accountIds) {
      lookup(accountId).ifPresent(profile -> profiles.put(accountId, profile));
    }
    return profiles;
  }
}
