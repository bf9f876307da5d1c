package com.accountwall.core;

import java.util.Optional;

/**
 * Where an account's name and attributes come from: the seed's {@code fetch_data}, which filled in
 * a new account's state after it had started.
 *
 * <p>The supervisor asks once per new account, off the order path, and treats any exception as "no
 * profile": the account keeps its default name and keeps taking orders. Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface AccountDirectory {

  /** Knows nothing, so every account is named "Account &lt;id&gt;". */
  AccountDirectory NONE = accountId -> Optional.empty();

  /** The profile of {@code accountId}, or empty when there is none. May throw; may block. */
  Optional<AccountProfile> lookup(long accountId) throws Exception;
}
